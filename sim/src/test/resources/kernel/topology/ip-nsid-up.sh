# Bringing a veth end up gives its peer's namespace an id where that end lives
ip netns add A
ip netns add B
ip link add v0 netns A type veth peer name v1
ip netns list
ip link set v1 up
ip netns list
ip netns exec B ip netns list
ip link add w0 netns B type veth peer name w1
ip netns exec B ip link set w0 up
ip netns list
ip link set w1 up
ip netns list
ip netns exec A ip netns list
ip netns exec A ip link set v0 up
ip netns exec B ip netns list
ip netns exec A ip netns list
