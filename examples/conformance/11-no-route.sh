# No route: a local sender gets "Network is unreachable"; a router without a route answers with ICMP net
# unreachable; a blackhole/unreachable route.
ip netns add C
ip netns add R
ip link add c0 netns C type veth peer name r0 netns R
ip netns exec C ip addr add 192.0.2.2/24 dev c0
ip netns exec R ip addr add 192.0.2.1/24 dev r0
ip netns exec C ip link set c0 up
ip netns exec R ip link set r0 up
ip netns exec R sysctl -w net.ipv4.ip_forward=1
ip netns exec C ping -c 1 -W 1 203.0.113.9
ip netns exec C ip route add default via 192.0.2.1
ip netns exec C ping -c 1 -W 1 203.0.113.9
ip netns exec R ip route add unreachable 198.51.100.0/24
ip netns exec R ip route add blackhole 203.0.113.0/24
ip netns exec R ip route
ip netns exec C ping -c 1 -W 1 198.51.100.7
ip netns exec C ping -c 1 -W 1 203.0.113.9
ip netns exec R ping -c 1 -W 1 198.51.100.7
ip netns exec R ping -c 1 -W 1 203.0.113.9
ip netns exec C nc -z -v -w 1 198.51.100.7 80
