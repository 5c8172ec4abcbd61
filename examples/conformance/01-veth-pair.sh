# Seed 1.1: a veth pair between two namespaces, RED and BLUE, and a ping across it.
ip link add veth0 type veth peer name veth1
ip link
ip -br link
ip netns add RED
ip netns add BLUE
ip netns list
ip link set veth0 netns RED
ip netns list
ip link set veth1 netns BLUE
ip link
ip netns exec RED ip link
ip netns exec RED ip link set veth0 up
ip netns exec BLUE ip link set veth1 up
ip netns exec RED ip addr add 11.11.11.2/24 dev veth0
ip netns exec BLUE ip addr add 11.11.11.3/24 dev veth1
ip netns exec RED ip -br addr
ip netns exec RED ip route
ip netns exec RED ip neigh
ip netns exec RED iptables -t filter -S
ip netns exec RED iptables -t nat -S
ip netns exec RED ping -c 1 -W 1 11.11.11.3
ip netns exec RED ip neigh
ip netns exec BLUE ip neigh
ip netns exec BLUE ping -c 2 -i 0.2 -W 1 11.11.11.2
ip netns delete RED
ip netns delete BLUE
ip netns list
ip link
