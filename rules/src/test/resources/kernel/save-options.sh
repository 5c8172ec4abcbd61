# iptables-save options and errors.
iptables-save -t bogus
iptables-save -h
iptables-save --foo
iptables-save -t
iptables-save --table
iptables-save foo
iptables-save -6
iptables-save -V
iptables -A INPUT -j ACCEPT
iptables-save -d
iptables-save -b
iptables-save -4 -t filter
iptables-save --table filter --counters
