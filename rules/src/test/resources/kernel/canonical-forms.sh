# Canonical forms: what iptables -S, -L and -L -n -v make of rules written in various spellings (implicit -m tcp,
# host bits cleared, --syn, service names, state order, --set-mark, ICMP names, long options, MAC case, ...).
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -s 10.1.2.3/8 -d 192.168.7.9/255.255.255.0 -j DROP
iptables -A INPUT -p tcp --syn -j ACCEPT
iptables -A INPUT -p TCP --dport ssh -j ACCEPT
iptables -A INPUT -m state --state NEW,INVALID -j DROP
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED,NEW -j ACCEPT
iptables -A INPUT -p udp -m multiport --dports 53,123:125 -j ACCEPT
iptables -A INPUT -j MARK --set-mark 0x2
iptables -t mangle -A PREROUTING -j MARK --set-mark 2
iptables -t mangle -A PREROUTING -j MARK --and-mark 0xff
iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 3/3 -j ACCEPT
iptables -A INPUT -i eth+ ! -o lo -j ACCEPT
iptables -A INPUT -m limit --limit 10/minute -j LOG --log-prefix "x: " --log-level warning
iptables -A INPUT -m comment --comment "two words" -j REJECT
iptables -A INPUT -s 0.0.0.0/0 -d 0/0 -p all -j ACCEPT
iptables -A INPUT --source 1.2.3.4 --destination 5.6.7.8 --protocol udp --jump ACCEPT
iptables --append INPUT --in-interface eth1 --match tcp --protocol tcp --destination-port 80 --jump DROP
iptables -A INPUT -m mac --mac-source AA:BB:CC:DD:EE:FF -j DROP
iptables -A INPUT -p tcp -m tcp --tcp-flags ALL NONE -j DROP
iptables -A INPUT -p tcp --sport 1024: --dport :1023 -j ACCEPT
iptables -S INPUT
iptables -t mangle -S PREROUTING
iptables -L INPUT
iptables -L INPUT -n -v --line-numbers
iptables -L INPUT -x -v
