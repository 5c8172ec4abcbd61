# ARP failure: a ping to an address on the link that nobody owns. The sender sees "Destination Host
# Unreachable" only once the neighbour entry fails (3 probes, 1 s apart), and only with lo up: the error
# reaches the socket through the loopback device. The neighbour entry goes INCOMPLETE, then FAILED.
ip netns add A
ip netns add B
ip link add a0 netns A type veth peer name b0 netns B
ip netns exec A ip addr add 192.0.2.1/24 dev a0
ip netns exec B ip addr add 192.0.2.2/24 dev b0
ip netns exec A ip link set a0 up
ip netns exec B ip link set b0 up
ip netns exec A ping -c 1 -W 1 192.0.2.99
ip netns exec A ip neigh
ip netns exec A ip link set lo up
ip netns exec A ping -c 5 -i 0.7 -W 1 192.0.2.98
ip netns exec A ip neigh show dev a0
ip netns exec A ping -c 1 -W 1 192.0.2.2
ip netns exec A ip neigh
ip netns exec A ip neigh flush dev a0
ip netns exec A ip neigh
ip netns exec B ip link set b0 down
ip netns exec A ping -c 1 -W 1 192.0.2.2
ip netns exec A ip link set a0 down
ip netns exec A ping -c 1 -W 1 192.0.2.2
