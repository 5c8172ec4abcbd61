# Rule management in one chain: -A, -I (with and without a position), -D by number and by spec, -R, -C,
# and what -S and --line-numbers show after each.
iptables -A INPUT -s 192.0.2.1 -j ACCEPT
iptables -A INPUT -s 192.0.2.2 -j DROP
iptables -I INPUT -s 192.0.2.3 -j ACCEPT
iptables -I INPUT 2 -s 192.0.2.4 -j REJECT
iptables -S INPUT
iptables -L INPUT -n --line-numbers
iptables -C INPUT -s 192.0.2.2 -j DROP
iptables -C INPUT -s 192.0.2.2 -j ACCEPT
iptables -C INPUT -s 192.0.2.99 -j DROP
iptables -D INPUT 2
iptables -D INPUT -s 192.0.2.1 -j ACCEPT
iptables -S INPUT
iptables -R INPUT 1 -s 198.51.100.0/24 -p tcp --dport 443 -j ACCEPT
iptables -S INPUT
iptables -A INPUT -s 192.0.2.2 -j DROP
iptables -S INPUT
iptables -D INPUT -s 192.0.2.2 -j DROP
iptables -S INPUT
iptables -I INPUT 3 -j ACCEPT
iptables -S INPUT
iptables -I INPUT 5 -j ACCEPT
iptables -D INPUT 9
iptables -R INPUT 9 -j ACCEPT
iptables -D INPUT -s 203.0.113.1 -j ACCEPT
iptables -D INPUT 0
iptables -t nat -A POSTROUTING -s 192.0.2.0/24 -d 198.51.100.0/24 -j ACCEPT
iptables -t nat -I POSTROUTING -o eth0 -j RETURN
iptables -t nat -S POSTROUTING
iptables -t nat -L --line-numbers -n
iptables -F INPUT
iptables -S
iptables -t nat -F
iptables -t nat -S
