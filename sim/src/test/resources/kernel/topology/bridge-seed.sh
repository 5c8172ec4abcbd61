# The seed's section 1.2/1.3 bridge in the host: ports, carrier, the bridge MAC, FDB listings.
# The ports get fixed MACs, since a bridge takes its lowest port MAC.
ip netns add RED
ip link add reth0 type veth peer name reth1
ip link set reth0 netns RED
ip netns add BLUE
ip link add beth0 type veth peer name beth1
ip link set beth0 netns BLUE
ip netns list
ip -c link
ip link set reth1 address 02:00:00:00:01:01
ip link set beth1 address 02:00:00:00:02:01
ip link add br0 type bridge
ip link show br0
bridge fdb show
ip link set reth1 master br0
ip link set beth1 master br0
ip -br -c link
bridge fdb show
ip netns exec RED ip addr add 11.11.11.2/24 dev reth0
ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0
ip netns exec RED ip link set reth0 up; ip link set reth1 up
ip netns exec BLUE ip link set beth0 up; ip link set beth1 up
ip link set br0 up
sleep 2
ip -br -c addr
ip -c link
bridge fdb show
bridge fdb show dev br0
bridge fdb show br br0
bridge -c fdb show
ip addr add 11.11.11.1/24 dev br0
sleep 2
ip -c addr show br0
ip -c route
ip route show table local
ip netns exec RED ip route add default via 11.11.11.1
ip netns exec RED ip -c route
ip link set reth1 nomaster
ip link show br0
bridge fdb show br br0
ip link set reth1 master br0
ip link set br0 address 02:42:29:82:1c:4f
ip link show br0
bridge fdb show br br0
ip link set br0 down
bridge fdb show dev br0
ip netns delete RED
ip netns delete BLUE
sleep 1
ip link show br0
ip link delete br0
ip -br link
