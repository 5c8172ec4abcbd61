# How rules with common matches print in -S, -L (names and "anywhere") and -L -n: ports and ranges,
# negation, interfaces with +, tcp flags and --syn, icmp types, multiport, iprange, mac, mark, comment,
# limit, addrtype, physdev, and the MARK/CONNMARK/LOG targets.
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p tcp --sport 1024:65535 --dport 80 -j ACCEPT
iptables -A INPUT -p udp ! --dport 53 -j DROP
iptables -A INPUT ! -s 192.0.2.0/24 -i eth+ -j DROP
iptables -A INPUT -s 10.1.2.3/8 -d 198.51.100.7/255.255.255.0 -j ACCEPT
iptables -A INPUT -p tcp --syn -j ACCEPT
iptables -A INPUT -p tcp --tcp-flags SYN,ACK SYN,ACK -j ACCEPT
iptables -A INPUT -p icmp --icmp-type echo-reply -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 3/3 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT
iptables -A INPUT -m iprange --src-range 192.0.2.10-192.0.2.20 -j ACCEPT
iptables -A INPUT -m mac --mac-source 02:00:00:00:00:01 -j ACCEPT
iptables -A INPUT -m mark --mark 0x1/0xff -j ACCEPT
iptables -A INPUT -m comment --comment "allow web" -j ACCEPT
iptables -A INPUT -p icmp -m limit --limit 5/sec --limit-burst 10 -j ACCEPT
iptables -A INPUT -m addrtype --dst-type LOCAL -j ACCEPT
iptables -A FORWARD -m physdev --physdev-in veth1 --physdev-is-bridged -j ACCEPT
iptables -A INPUT -f -j DROP
iptables -A INPUT -p 47 -j ACCEPT
iptables -t mangle -A PREROUTING -j MARK --set-mark 0x2
iptables -t mangle -A PREROUTING -j CONNMARK --save-mark
iptables -t mangle -A PREROUTING -m connmark --mark 0x2 -j ACCEPT
iptables -A INPUT -j LOG --log-prefix "in: " --log-level 4
iptables -S
iptables -L
iptables -L -n
iptables -t mangle -S
iptables -t mangle -L -n -v
