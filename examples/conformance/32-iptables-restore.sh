# iptables-restore: a whole table replaced atomically, --noflush, counters with -c, user chains and
# policies, and failures that leave every table as it was (with the line number of the bad line).
iptables -A INPUT -s 192.0.2.99 -j DROP
iptables-restore <<'EOF'
*filter
:INPUT DROP [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:WEB - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -p tcp --dport 80 -j WEB
-A WEB -s 198.51.100.0/24 -j ACCEPT
COMMIT
EOF
iptables -S
iptables-restore --noflush <<'EOF'
*filter
-A INPUT -s 203.0.113.0/24 -j ACCEPT
COMMIT
*nat
:POSTROUTING ACCEPT [0:0]
-A POSTROUTING -o eth0 -j MASQUERADE
COMMIT
EOF
iptables-save | grep -v '^#'
iptables-restore <<'EOF'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -s 192.0.2.1 -j ACCEPT
-A INPUT -j NOSUCHCHAIN
COMMIT
EOF
iptables -S
iptables-restore <<'EOF'
*filter
-A INPUT -s 192.0.2.1 -j ACCEPT
EOF
iptables -S INPUT
iptables-restore <<'EOF'
*filter
-A INPUT -p tcp --dport 99999 -j ACCEPT
COMMIT
EOF
iptables-restore <<'EOF'
*nosuchtable
COMMIT
EOF
iptables-restore <<'EOF'
*filter
:INPUT BOGUS [0:0]
COMMIT
EOF
iptables-restore <<'EOF'
-A INPUT -j ACCEPT
EOF
iptables-restore -c <<'EOF'
*filter
:INPUT ACCEPT [5:300]
[7:420] -A INPUT -s 192.0.2.7 -j ACCEPT
COMMIT
EOF
iptables -nvL INPUT
iptables-save -c -t filter | grep -v '^#'
iptables-restore -t <<'EOF'
*filter
-A INPUT -j NOSUCH
COMMIT
EOF
iptables -S INPUT
