# A router namespace ("the host") MASQUERADEs 192.0.2.0/24 towards 198.51.100.0/24: ping, TCP and UDP entries.
ip netns add A
ip netns add B
ip link add a0 netns A type veth peer name a1
ip link add b0 netns B type veth peer name b1
ip addr add 192.0.2.1/24 dev a1
ip addr add 198.51.100.1/24 dev b1
ip link set a1 up
ip link set b1 up
ip netns exec A ip addr add 192.0.2.2/24 dev a0
ip netns exec A ip link set a0 up
ip netns exec A ip route add default via 192.0.2.1
ip netns exec B ip addr add 198.51.100.2/24 dev b0
ip netns exec B ip link set b0 up
sysctl -w net.ipv4.ip_forward=1
conntrack -L
iptables -t nat -A POSTROUTING -o b1 -j MASQUERADE
ip netns exec A ping -c 1 -W 1 198.51.100.2
conntrack -L
conntrack -F
ip netns exec B nc -l -p 8080 &
sleep 0.3
ip netns exec A nc -z -v -w 1 198.51.100.2 8080
conntrack -L
echo hi | ip netns exec A nc -u -w 1 198.51.100.2 53
conntrack -L -p udp
iptables -t nat -nvL POSTROUTING
