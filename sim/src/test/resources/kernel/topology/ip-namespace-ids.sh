# Interface indexes per namespace and the namespace ids ip netns list and link-netnsid show
ip netns add A
ip netns add B
ip netns list
ip link add x0 type veth peer name x1
ip link add y0 netns A type veth peer name y1
ip netns list
ip link
ip netns exec A ip link
ip netns exec A ip netns list
ip link add z0 type veth peer name z1 netns B
ip netns list
ip netns exec B ip link
ip netns exec B ip netns list
ip netns exec A ip link add q0 type veth peer name q1
ip netns exec A ip link
ip link set x0 netns A
ip netns exec A ip -br link
ip -br link
ip netns exec A ip link set q1 netns B
ip netns exec B ip link
ip netns exec B ip netns list
ip netns exec A ip netns list
ip link add br0 type bridge
ip link add w0 type veth peer name w1
ip link del w1
ip link add v0 type veth peer name v1
ip -br link
ip netns delete A
sleep 1
ip netns list
ip -br link
ip netns exec B ip -br link
ip netns add C
ip link add c0 type veth peer name c1
ip link set c1 netns C
ip netns list
ip netns exec C ip link
