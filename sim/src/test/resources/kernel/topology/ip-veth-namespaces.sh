# The seed's section 1.1: a veth pair moved into two namespaces
ip link add veth0 type veth peer name veth1
ip -c link
ip -c addr
ip netns add RED
ip netns add BLUE
ip netns list
ip link set veth0 netns RED
ip netns list
ip -c link
ip netns exec RED ip -c a
ip link set veth1 netns BLUE
ip -c link
ip netns exec BLUE ip -c a
ip netns exec RED ip link set veth0 up
sleep 2
ip netns exec RED ip -c a
ip netns exec BLUE ip link set veth1 up
sleep 2
ip netns exec BLUE ip -c a
ip netns exec RED ip addr add 11.11.11.2/24 dev veth0
ip netns exec RED ip -c a
ip netns exec BLUE ip addr add 11.11.11.3/24 dev veth1
ip netns exec BLUE ip -c a
ip netns exec RED ip -c route
ip netns exec RED ip -c neigh
ip netns exec RED ip -br -c addr
ip netns exec RED ip -br link
ip netns list
ip netns exec RED ip netns list
ip netns exec BLUE ip netns list
ip netns exec RED ip netns identify
ip netns identify
ip netns delete RED
sleep 1
ip netns list
ip netns exec BLUE ip link
ip -br link
