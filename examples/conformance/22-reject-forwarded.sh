# REJECT on a router (forwarded traffic): each --reject-with type as ping and nc see it, the default
# type, tcp-reset, and the REJECT rules' -S and -L forms.
ip netns add C
ip netns add R
ip netns add S
ip link add c0 netns C type veth peer name r0 netns R
ip link add s0 netns S type veth peer name r1 netns R
ip netns exec C ip addr add 192.0.2.2/24 dev c0
ip netns exec R ip addr add 192.0.2.1/24 dev r0
ip netns exec R ip addr add 198.51.100.1/24 dev r1
ip netns exec S ip addr add 198.51.100.2/24 dev s0
ip netns exec C ip link set c0 up
ip netns exec C ip link set lo up
ip netns exec R ip link set r0 up
ip netns exec R ip link set r1 up
ip netns exec R ip link set lo up
ip netns exec S ip link set s0 up
ip netns exec S ip link set lo up
ip netns exec C ip route add default via 192.0.2.1
ip netns exec S ip route add default via 198.51.100.1
ip netns exec R sysctl -w net.ipv4.ip_forward=1
ip netns exec R iptables -A FORWARD -d 198.51.100.2 -p icmp -j REJECT
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec R iptables -R FORWARD 1 -d 198.51.100.2 -p icmp -j REJECT --reject-with icmp-net-unreachable
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec R iptables -R FORWARD 1 -d 198.51.100.2 -p icmp -j REJECT --reject-with icmp-host-unreachable
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec R iptables -R FORWARD 1 -d 198.51.100.2 -p icmp -j REJECT --reject-with icmp-proto-unreachable
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec R iptables -R FORWARD 1 -d 198.51.100.2 -p icmp -j REJECT --reject-with icmp-net-prohibited
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec R iptables -R FORWARD 1 -d 198.51.100.2 -p icmp -j REJECT --reject-with icmp-host-prohibited
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec R iptables -R FORWARD 1 -d 198.51.100.2 -p icmp -j REJECT --reject-with icmp-admin-prohibited
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec R iptables -A FORWARD -p tcp --dport 22 -j REJECT --reject-with tcp-reset
ip netns exec R iptables -A FORWARD -p tcp --dport 23 -j REJECT
ip netns exec R iptables -A FORWARD -p tcp --dport 24 -j REJECT --reject-with icmp-host-prohibited
ip netns exec R iptables -A FORWARD -p udp --dport 53 -j REJECT --reject-with icmp-port-unreachable
ip netns exec C nc -z -v -w 1 198.51.100.2 22
ip netns exec C nc -z -v -w 1 198.51.100.2 23
ip netns exec C nc -z -v -w 1 198.51.100.2 24
ip netns exec C nc -u -z -v -w 1 198.51.100.2 53
ip netns exec R iptables -S FORWARD
ip netns exec R iptables -L FORWARD
ip netns exec R iptables -nvL FORWARD
ip netns exec R iptables -A FORWARD -p udp -j REJECT --reject-with tcp-reset
ip netns exec R iptables -A FORWARD -j REJECT --reject-with icmp-bogus
ip netns exec R iptables -t nat -A PREROUTING -j REJECT
