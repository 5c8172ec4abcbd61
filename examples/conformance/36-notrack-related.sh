# NOTRACK and UNTRACKED in the raw table, and RELATED ICMP errors (net unreachable, time exceeded) for
# forwarded pings: the host routes between C and S; S routes 192.0.2.0/24 back but knows no 203.0.113.0/24.
sysctl -w net.ipv4.ip_forward=1
ip netns add C
ip netns add S
ip link add c0 type veth peer name eth0 netns C
ip link add s0 type veth peer name eth0 netns S
ip addr add 192.0.2.1/24 dev c0
ip addr add 198.51.100.1/24 dev s0
ip link set c0 up
ip link set s0 up
ip netns exec C ip addr add 192.0.2.2/24 dev eth0
ip netns exec C ip link set eth0 up
ip netns exec C ip route add default via 192.0.2.1
ip netns exec S ip addr add 198.51.100.2/24 dev eth0
ip netns exec S ip link set eth0 up
ip netns exec S ip route add 192.0.2.0/24 via 198.51.100.1
ip netns exec S sysctl -w net.ipv4.ip_forward=1
ip route add 203.0.113.0/24 via 198.51.100.2
iptables -P FORWARD DROP
iptables -A FORWARD -m conntrack --ctstate RELATED -j ACCEPT
iptables -A FORWARD -m conntrack --ctstate ESTABLISHED -j ACCEPT
iptables -A FORWARD -m conntrack --ctstate NEW -j ACCEPT
iptables -A FORWARD -m conntrack --ctstate UNTRACKED -j ACCEPT
iptables -A FORWARD -m state --state INVALID -j ACCEPT
ip netns exec C ping -c 2 -i 0.2 -W 1 198.51.100.2
ip netns exec C ping -c 1 -W 1 203.0.113.9
ip netns exec C ping -c 1 -W 1 -t 2 203.0.113.9
iptables -nvL FORWARD
iptables -t raw -A PREROUTING -s 192.0.2.2 -p icmp -j CT --notrack
iptables -t raw -A PREROUTING -d 192.0.2.2 -p icmp -j NOTRACK
iptables -t raw -S
iptables -Z FORWARD
ip netns exec C ping -c 2 -i 0.2 -W 1 198.51.100.2
ip netns exec C ping -c 1 -W 1 203.0.113.9
iptables -nvL FORWARD
iptables -t raw -nvL PREROUTING
iptables -t raw -D PREROUTING -d 192.0.2.2 -p icmp -j NOTRACK
iptables -Z FORWARD
ip netns exec C ping -c 1 -W 1 203.0.113.9
iptables -nvL FORWARD
