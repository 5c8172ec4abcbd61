# ip listings and their variants: link/addr/route show, -br, dev filters, addr del, link down, routes
# with gateways and metrics, route del.
ip link add dummyveth type veth peer name peer0
ip addr add 192.0.2.10/24 dev dummyveth
ip addr add 192.0.2.11/24 dev dummyveth
ip addr add 198.51.100.10/25 dev dummyveth
ip addr show dev dummyveth
ip -br addr
ip route
ip link set dummyveth up
ip link set peer0 up
ip route
ip -br link
ip route add 203.0.113.0/24 via 192.0.2.1
ip route add 203.0.113.128/25 via 192.0.2.2 metric 100
ip route add default via 198.51.100.1 dev dummyveth
ip route
ip route show 203.0.113.0/24
ip route get 203.0.113.200
ip route get 203.0.113.5
ip route del 203.0.113.128/25
ip route
ip addr del 192.0.2.11/24 dev dummyveth
ip -br addr show dev dummyveth
ip addr del 192.0.2.10/24 dev dummyveth
ip route
ip link set dummyveth down
ip route
ip -br link
ip link set dummyveth name eth9
ip -br link
ip link set eth9 address 02:00:00:00:00:09
ip link show eth9
ip link del eth9
ip -br link
ip route
