# Primary and secondary addresses, broadcast, labels, wildcard deletion, flush, rename
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.2/24 dev veth0
ip addr add 10.0.0.3 dev veth0
ip addr add 10.0.0.4/24 brd + dev veth0
ip addr add 10.0.5.4/24 broadcast 10.0.5.255 dev veth0 label veth0:1
ip addr add 127.0.0.2/8 dev veth0
ip addr show veth0
ip -c addr show veth0
ip -4 -br addr
ip -br addr
ip link set veth0 up
ip route show table local
ip route
ip addr del 10.0.0.9/24 dev veth0
ip addr del 10.0.0.1/24 dev veth0
ip addr show veth0
ip route show table local
ip addr add 198.51.100.1/24 dev veth0
ip addr add 198.51.100.5/24 dev veth0
ip addr del 198.51.100.1 dev veth0
ip addr show veth0
ip addr add 198.51.100.1/24 dev veth0
ip addr add 198.51.100.7/24 dev veth0
ip addr del 198.51.100.7 dev veth0
ip addr show veth0
ip addr flush dev veth0
ip addr show veth0
ip addr add 192.0.2.1/24 dev veth0
ip addr add 192.0.2.2/24 dev veth0
ip addr add 198.51.100.9/24 dev veth0 label veth0:web
ip addr add 203.0.113.9/24 dev veth0
ip link set veth0 name eth5
ip addr show eth5
ip -4 addr
ip -6 addr
ip addr show up
ip addr show dev veth1
ip a s lo
