# A router namespace between two subnets: ip_forward 0 drops forwarded packets (no ICMP), 1 forwards them
# and the TTL drops by one.
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
ip netns exec R ip link set r0 up
ip netns exec R ip link set r1 up
ip netns exec S ip link set s0 up
ip netns exec C ip route add default via 192.0.2.1
ip netns exec S ip route add default via 198.51.100.1
ip netns exec R sysctl net.ipv4.ip_forward
ip netns exec C ping -c 1 -W 1 192.0.2.1
ip netns exec C ping -c 1 -W 1 198.51.100.1
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec R sysctl -w net.ipv4.ip_forward=1
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec S ping -c 1 -W 1 192.0.2.2
ip netns exec R ip route
ip netns exec R ip neigh
ip netns exec R iptables -nvL
ip netns exec R sysctl -w net.ipv4.ip_forward=0
ip netns exec S ping -c 1 -W 1 192.0.2.2
