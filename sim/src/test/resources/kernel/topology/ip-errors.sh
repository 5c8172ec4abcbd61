# What ip prints for mistakes, and its exit statuses
ip -x link
ip
ip foo
ip link foo
ip -V
ip link add veth0 type veth peer name veth1
ip link add veth0 type veth peer name veth2
ip link add veth3 type veth peer name veth1
ip link set veth9 up
ip link del veth9
ip link show dev veth9
ip link set
ip link set dev
ip link add
ip link add foo
ip link add foo type
ip link add x type bogus
ip link del
ip link set veth0 master br9
ip link set veth0 netns BLUE
ip link add br0 type bridge
ip link set br0 master br0
ip link set lo master br0
ip link add v2 type veth peer name v3
ip link set veth0 master v2
ip netns add RED
ip link set lo netns RED
ip link set br0 netns RED
ip link del lo
ip link set veth0 name v2
ip link set veth0 name abcdefghijklmnopqrstuvwxyz
ip link set veth0 foo
ip link set dev veth0 up dev veth1
ip link set veth0 address zz
ip link set veth0 address ff:ff:ff:ff:ff:ff
ip link set veth0 address 01:00:00:00:00:01
ip link set veth0 address 02:00:00:00:00:01
ip link set veth0 mtu 70000
ip link set veth0 mtu 10
ip link set veth0 mtu abc
ip link set veth0 mtu 9000
ip link show veth0
ip link add v4 type veth peer name v5
ip netns exec RED ip link add v4 type veth peer name v6
ip link set v4 netns RED
ip route add 10.0.0.0/24
ip route foo
ip route add 10.1.0.0/16 via 300.1.1.1
ip route add 10.1.0.0/33 dev veth0
ip route add foo dev veth0
ip route add 10.1.0.0/16 dev veth9
ip route add default via 10.0.0.1 dev lo
ip route del 10.9.0.0/16
ip addr add 300.0.0.1/24 dev veth0
ip addr add 10.0.0.3/33 dev veth0
ip addr add 10.0.0.1/24 dev veth9
ip addr add 10.0.0.1/24
ip addr add dev veth0
ip addr add 10.1.1.1/24 dev veth0 scope bogus
ip addr del 10.9.9.9/24
ip addr foo
ip addr flush
ip netns add RED
ip netns add
ip netns add a/b
ip netns add .
ip netns delete BLUE
ip netns delete
ip netns exec BLUE ip link
ip netns exec
ip netns exec RED
ip netns foo
ip neigh foo
ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05
ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev veth0 nud bogus
ip neigh add 10.0.0.5 lladdr zz dev veth0
ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev veth9
ip neigh del 10.0.0.5 dev veth0
ip neigh flush
ip neigh flush dev veth9
ip -c=never link show lo
ip -color=auto link show lo
ip -brief link show lo
ip -b link
ip -4 -o addr show lo
