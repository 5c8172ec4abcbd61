# What a namespace shows before anything created a table, and after the first rules.
iptables -S
iptables -L
iptables -t nat -S
iptables -t raw -L -n -v
iptables-save
iptables-save -t nat
iptables -F
iptables -Z
iptables -X
iptables-save
iptables -A INPUT -s 10.1.2.3/8 -j ACCEPT
iptables-save
iptables -t mangle -S
iptables -P FORWARD DROP
iptables -L -v
iptables -L -v -x -n --line-numbers
iptables-save -c
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
iptables -t security -N SEC
iptables -t raw -A OUTPUT -j ACCEPT
iptables -t mangle -A POSTROUTING -j ACCEPT
iptables-save
iptables -t nat -L
iptables -t nat -L -n
