# ifconfig and route -n over the same state ip shows (packet counters stay out: Linux's own IPv6 packets move them)
route -n
ip netns add RED
ip netns exec RED route -n
ip netns exec RED ifconfig
ip netns exec RED ifconfig -a
ip netns exec RED ip link set lo up
ip netns exec RED route -n
ip link add v0 type veth peer name v1
ip addr add 192.0.2.1/24 dev v0
ip addr add 192.0.2.9/24 dev v0
ip addr add 198.51.100.1/24 brd + dev v1
ip addr add 10.1.1.1/24 dev v1 label v1:1
ip link set v0 up
ifconfig
ifconfig -a
ifconfig v1
ifconfig nosuch
ip link set v1 up
sleep 2
ip route add 10.0.0.0/8 via 192.0.2.254 metric 5
ip route add default via 192.0.2.254
ip route add 203.0.113.7 dev v0
ip route add blackhole 10.9.0.0/16
ip route add unreachable 10.8.0.0/16
route -n
route
ip link set v1 down
sleep 1
route -n
