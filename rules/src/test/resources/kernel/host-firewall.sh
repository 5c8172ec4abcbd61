# A hand-written host firewall (router with a LAN behind it), as an administrator writes it for
# iptables-restore: default-drop policies, loopback and conntrack shortcuts, ICMP by type, SSH brute-force
# protection with recent and hashlimit, logging with limit, port forwarding, NOTRACK for DNS, mangle marks
# and TCPMSS clamping; then saved and listed.
iptables-restore <<'RULES'
# host firewall for gw1
*raw
:PREROUTING ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A PREROUTING -i eth0 -p udp --dport 53 -j CT --notrack
-A OUTPUT -o eth0 -p udp --sport 53 -j NOTRACK
COMMIT
*mangle
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -i eth1 -m mac --mac-source 52:54:00:AB:CD:EF -j MARK --set-mark 0x10
-A PREROUTING -m connmark --mark 0x20/0xff -j CONNMARK --restore-mark --mask 0xff
-A FORWARD -o eth0 -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
-A POSTROUTING -o eth0 -p tcp -m multiport --dports 22,80,443 -j DSCP --set-dscp-class AF21
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -i eth0 -p tcp --dport 2222 -j DNAT --to-destination 192.168.10.20:22
-A PREROUTING -i eth0 -p udp -m multiport --dports 6000:6010 -j DNAT --to-destination 192.168.10.30
-A PREROUTING -i eth1 -p tcp --dport 80 -d 10.0.0.1 -j REDIRECT --to-ports 3128
-A POSTROUTING -s 192.168.10.0/24 -o eth0 -j SNAT --to-source 203.0.113.5
-A POSTROUTING -s 192.168.20.0/255.255.255.0 -o eth0 -p tcp -j MASQUERADE --to-ports 20000-30000
-A POSTROUTING -s 192.168.20.0/255.255.255.0 -o eth0 -j MASQUERADE
COMMIT
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:LOGDROP - [0:0]
:SSH - [0:0]
:ICMP-IN - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
-A INPUT -m conntrack --ctstate INVALID -j DROP
-A INPUT -p icmp -j ICMP-IN
-A INPUT -p tcp --syn --dport 22 -j SSH
-A INPUT -i eth1 -s 192.168.10.0/24 -p udp -m multiport --dports 53,67,123 -j ACCEPT
-A INPUT -i eth1 -m iprange --src-range 192.168.10.100-192.168.10.150 -p tcp --dport 3128 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 113 -j REJECT --reject-with tcp-reset
-A INPUT -m addrtype --dst-type BROADCAST -j DROP
-A INPUT -m pkttype --pkt-type multicast -j DROP
-A INPUT -j LOGDROP
-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -i eth1 -o eth0 -s 192.168.10.0/24 -j ACCEPT
-A FORWARD -i eth0 -o eth1 -d 192.168.10.20 -p tcp --dport 22 -m conntrack --ctstate DNAT -j ACCEPT
-A FORWARD -i eth0 -o eth1 -p udp -m multiport --dports 6000:6010 -m conntrack --ctstate NEW,DNAT -j ACCEPT
-A FORWARD -i eth1+ -o eth1+ -j ACCEPT
-A FORWARD -m mark --mark 0x10 -m comment --comment "quarantined laptop" -j REJECT --reject-with icmp-admin-prohibited
-A FORWARD -j LOGDROP
-A OUTPUT -o eth0 -p tcp --dport 25 -m owner ! --uid-owner 0 -j REJECT
-A SSH -s 192.168.10.0/24 -j ACCEPT
-A SSH -m recent --name ssh --set
-A SSH -m recent --name ssh --update --seconds 60 --hitcount 4 -j LOGDROP
-A SSH -m hashlimit --hashlimit-upto 3/min --hashlimit-burst 5 --hashlimit-mode srcip --hashlimit-name ssh-in -j ACCEPT
-A SSH -j DROP
-A ICMP-IN -p icmp --icmp-type echo-request -m limit --limit 5/s --limit-burst 10 -j ACCEPT
-A ICMP-IN -p icmp --icmp-type destination-unreachable -j ACCEPT
-A ICMP-IN -p icmp --icmp-type time-exceeded -j ACCEPT
-A ICMP-IN -p icmp --icmp-type 3/4 -j ACCEPT
-A ICMP-IN -j DROP
-A LOGDROP -m limit --limit 10/min -j LOG --log-prefix "FW DROP: " --log-level 4 --log-tcp-options
-A LOGDROP -j DROP
COMMIT
RULES
iptables-save
iptables -L -v -n --line-numbers
iptables -L SSH
iptables -t mangle -L -v
iptables -t nat -S POSTROUTING
