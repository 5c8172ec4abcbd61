# DNAT a published port on the router to the server, from outside, with a port change and a range of
# destinations; conntrack --dst-nat; the server sees the real client.
ip netns add C
ip netns add R
ip netns add S
ip link add c0 netns C type veth peer name r0 netns R
ip link add s0 netns S type veth peer name r1 netns R
ip netns exec C ip addr add 192.0.2.2/24 dev c0
ip netns exec R ip addr add 192.0.2.1/24 dev r0
ip netns exec R ip addr add 198.51.100.1/24 dev r1
ip netns exec S ip addr add 198.51.100.2/24 dev s0
ip netns exec C ip link set c0 up
ip netns exec C ip link set lo up
ip netns exec R ip link set r0 up
ip netns exec R ip link set r1 up
ip netns exec R ip link set lo up
ip netns exec S ip link set s0 up
ip netns exec S ip link set lo up
ip netns exec C ip route add default via 192.0.2.1
ip netns exec R sysctl -w net.ipv4.ip_forward=1
ip netns exec S ip route add default via 198.51.100.1
ip netns exec R iptables -t nat -A PREROUTING -i r0 -p tcp --dport 8080 -j DNAT --to-destination 198.51.100.2:80
ip netns exec R iptables -t nat -A PREROUTING -i r0 -p tcp --dport 9000:9001 -j DNAT --to-destination 198.51.100.2
ip netns exec R iptables -t nat -A PREROUTING -d 192.0.2.1 -p icmp -j DNAT --to-destination 198.51.100.2
ip netns exec R iptables -t nat -S PREROUTING
ip netns exec S nc -l -p 80 > /dev/null &
sleep 0.2
ip netns exec C nc -z -v -w 1 192.0.2.1 8080
wait
ip netns exec R conntrack -L --dst-nat
ip netns exec S conntrack -L
ip netns exec C nc -z -v -w 1 192.0.2.1 9001
ip netns exec C ping -c 1 -W 1 192.0.2.1
ip netns exec R conntrack -L -p icmp
ip netns exec R iptables -t nat -nvL PREROUTING
ip netns exec R iptables -t nat -A PREROUTING -p tcp --dport 7000 -j DNAT --to-destination 198.51.100.2:7000-7002
ip netns exec R iptables -t nat -S PREROUTING
ip netns exec R iptables -t nat -A PREROUTING -p tcp -j DNAT
ip netns exec R iptables -t nat -A PREROUTING -j DNAT --to-destination 198.51.100.2:80
ip netns exec R iptables -t nat -A POSTROUTING -p tcp -j DNAT --to-destination 198.51.100.2
