# TTL: ping -t 1 through a router expires there (ICMP time exceeded from the router); -t 2 gets through;
# two routers in a row need -t 3.
ip netns add C
ip netns add R1
ip netns add R2
ip netns add S
ip link add c0 netns C type veth peer name a0 netns R1
ip link add a1 netns R1 type veth peer name b0 netns R2
ip link add b1 netns R2 type veth peer name s0 netns S
ip netns exec C ip addr add 192.0.2.2/24 dev c0
ip netns exec R1 ip addr add 192.0.2.1/24 dev a0
ip netns exec R1 ip addr add 198.51.100.1/24 dev a1
ip netns exec R2 ip addr add 198.51.100.2/24 dev b0
ip netns exec R2 ip addr add 203.0.113.1/24 dev b1
ip netns exec S ip addr add 203.0.113.2/24 dev s0
ip netns exec C ip link set c0 up
ip netns exec R1 ip link set a0 up
ip netns exec R1 ip link set a1 up
ip netns exec R2 ip link set b0 up
ip netns exec R2 ip link set b1 up
ip netns exec S ip link set s0 up
ip netns exec C ip route add default via 192.0.2.1
ip netns exec R1 ip route add 203.0.113.0/24 via 198.51.100.2
ip netns exec R2 ip route add 192.0.2.0/24 via 198.51.100.1
ip netns exec S ip route add default via 203.0.113.1
ip netns exec R1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec R2 sysctl -w net.ipv4.ip_forward=1
ip netns exec C ping -c 1 -W 1 203.0.113.2
ip netns exec C ping -c 1 -W 1 -t 1 203.0.113.2
ip netns exec C ping -c 1 -W 1 -t 2 203.0.113.2
ip netns exec C ping -c 1 -W 1 -t 3 203.0.113.2
ip netns exec C ping -c 1 -W 1 -t 1 198.51.100.2
ip netns exec R1 iptables -nvL
