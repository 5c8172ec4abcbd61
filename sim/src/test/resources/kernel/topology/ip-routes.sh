# Connected, static and default routes; linkdown; what down/up removes and restores; route get
ip link add d0 type veth peer name d1
ip addr add 192.0.2.1/24 dev d0
ip addr
ip route
ip route show table local
ip route add 198.51.100.0/24 via 192.0.2.254
ip route add 198.51.100.0/24 dev d0
ip link set d0 up
sleep 2
ip addr show d0
ip route
ip route show table local
ip route add 198.51.100.0/24 via 192.0.2.254
ip route
ip link set d1 up
sleep 2
ip -c addr show d0
ip route
ip route add 203.0.113.0/24 dev d0
ip route add default via 192.0.2.254 metric 100
ip route add 10.0.0.0/8 via 192.0.2.254
ip route add 10.0.0.0/16 via 192.0.2.254
ip route add 10.0.0.0/24 dev d0 src 192.0.2.1
ip route add default via 192.0.2.253
ip route add 10.0.0.0/16 via 192.0.2.253
ip route add 10.0.0.0/24 dev d0 src 192.0.2.9
ip route add blackhole 10.9.0.0/16
ip route add unreachable 10.8.0.0/16
ip route
ip -c route
ip -4 route show table all
ip route show dev d0
ip route list 10.0.0.0/24
ip route show proto kernel
ip route show scope link
ip route get 10.0.0.9
ip route get 198.51.100.7
ip route get 8.8.8.8
ip route get 127.0.0.1
ip route get 192.0.2.1
ip route get 10.9.1.1
ip route get 10.8.1.1
ip route del 10.0.0.0/16
ip route del 10.9.0.0/24
ip route del default via 192.0.2.1
ip route del default
ip route replace 10.0.0.0/8 via 192.0.2.253
ip route
ip link set d1 down
sleep 2
ip route
ip -c route show table local
ip link set d1 up
sleep 2
ip route
ip link set d0 down
sleep 1
ip route
ip route show table local
ip addr show d0
ip link set d0 up
sleep 2
ip route
ip route flush dev d0
ip route
ip route show table local
