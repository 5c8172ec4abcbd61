# The error messages iptables users meet, with their exit statuses, and the state left unchanged.
iptables -A
iptables -A INPUT -j
iptables -A INPUT -p tcp --dport 99999 -j ACCEPT
iptables -A INPUT --dport 80 -j ACCEPT
iptables -A INPUT -p bogus -j ACCEPT
iptables -A INPUT -s 300.1.2.3 -j ACCEPT
iptables -A INPUT -s 192.0.2.0/33 -j ACCEPT
iptables -A INPUT -j FOO
iptables -A INPUT -m nosuchmatch -j ACCEPT
iptables -A INPUT --nosuchoption -j ACCEPT
iptables -A INPUT -i eth0 -o eth1 -j ACCEPT
iptables -A OUTPUT -i eth0 -j ACCEPT
iptables -t nosuchtable -L
iptables -t nat -A POSTROUTING -j DROP
iptables -A INPUT -p tcp --tcp-flags SYN -j ACCEPT
iptables -A INPUT -p icmp --icmp-type bogus -j ACCEPT
iptables -A INPUT -m conntrack --ctstate BOGUS -j ACCEPT
iptables -A INPUT -m state --state NEW,BOGUS -j ACCEPT
iptables -A INPUT -m multiport --dports 80 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16 -j ACCEPT
iptables -A INPUT -p tcp --dport 80 --dport 81 -j ACCEPT
iptables -A INPUT -s 192.0.2.1 -s 192.0.2.2 -j ACCEPT
iptables -L NOPE
iptables -S NOPE
iptables -F NOPE
iptables -Z NOPE
iptables -I INPUT 0 -j ACCEPT
iptables -A INPUT -j ACCEPT extra
iptables -L -Z -F
iptables -X NOPE
iptables -Q
iptables
iptables -S
iptables -h | head -n 3
iptables --version
