# Bridge listings: brctl show/showmacs/showstp and bridge fdb show, before and after traffic (the FDB
# learns the namespaces' MACs), and ports leaving the bridge.
ip link add br0 type bridge
ip link set br0 address 02:00:00:00:00:b0
brctl show br0
brctl showmacs br0
ip netns add RED
ip netns add BLUE
ip link add reth0 netns RED type veth peer name reth1
ip link add beth0 netns BLUE type veth peer name beth1
ip link set reth1 master br0
ip link set beth1 master br0
brctl show br0
brctl showmacs br0
bridge fdb show dev br0
ip netns exec RED ip addr add 11.11.11.2/24 dev reth0
ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0
ip netns exec RED ip link set reth0 up
ip netns exec BLUE ip link set beth0 up
ip link set reth1 up
ip link set beth1 up
ip link set br0 up
ip netns exec RED ping -c 1 -W 1 11.11.11.3
ip netns exec RED ip neigh
ip netns exec BLUE ip neigh
brctl showmacs br0
ip link show master br0
ip link set beth1 nomaster
brctl show br0
ip netns exec RED ip neigh flush dev reth0
ip netns exec RED ip neigh
ip netns exec RED ping -c 1 -W 1 11.11.11.3
brctl addbr br1
ip link set br1 address 02:00:00:00:00:b1
brctl addif br1 beth1
brctl show
brctl addif br1 beth1
brctl addbr br1
ip link del br1
brctl show
