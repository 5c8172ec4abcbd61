# Errors that ip users meet, with their exit statuses.
ip link add v0 type veth peer name v1
ip link add v0 type veth peer name v2
ip link set nosuch up
ip addr add 192.0.2.1/24 dev nosuch
ip addr add 300.1.2.3/24 dev v0
ip addr add 192.0.2.1/24 dev v0
ip addr add 192.0.2.1/24 dev v0
ip addr del 192.0.2.9/24 dev v0
ip route add 203.0.113.0/24 via 198.51.100.1
ip route add 203.0.113.0/24 via 192.0.2.254
ip link set v0 up
ip route add 203.0.113.0/24 via 192.0.2.254
ip route add 203.0.113.0/24 via 192.0.2.254
ip route del 198.51.100.0/24
ip netns add X
ip netns add X
ip netns exec NOPE ip link
ip netns delete NOPE
ip link set v1 netns NOPE
ip link del nosuch
ip link add br0 type bridge
ip link set v0 master nosuch
ip link del v1
ip link show v0
ip link show v1
ip netns delete X
ip netns list
