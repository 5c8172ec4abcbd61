# iptables-save: the dump of a namespace with rules in several tables, with counters (-c), one table (-t),
# and of a namespace where only some tables were ever used.
iptables-save
iptables -P FORWARD DROP
iptables -N DOCKER-USER
iptables -A FORWARD -j DOCKER-USER
iptables -A DOCKER-USER -j RETURN
iptables -A INPUT -i lo -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 22,80 -m conntrack --ctstate NEW -j ACCEPT
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -t raw -A PREROUTING -p udp --dport 53 -j CT --notrack
ping -c 2 -i 0.2 -W 1 127.0.0.1
iptables-save
iptables-save -c
iptables-save -t nat
iptables-save -t filter | grep -c '^-A'
iptables-save -t mangle
iptables-save -t nosuch
iptables-save | grep -v '^#' > rules.v4
iptables -F
iptables -t nat -F
iptables -S
iptables-restore < rules.v4
iptables -S
