# REDIRECT: to the incoming interface's address for forwarded-looking traffic, to 127.0.0.1 for local
# traffic (nat OUTPUT), with --to-ports; the listener sees the redirected port.
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
ip netns exec R iptables -t nat -A PREROUTING -i r0 -p tcp --dport 80 -j REDIRECT --to-ports 8080
ip netns exec R iptables -t nat -A OUTPUT -p tcp -d 198.51.100.2 --dport 80 -j REDIRECT --to-ports 8080
ip netns exec R iptables -t nat -A PREROUTING -i r0 -p tcp --dport 81:82 -j REDIRECT
ip netns exec R iptables -t nat -S
ip netns exec R nc -l -p 8080 > /dev/null &
sleep 0.2
ip netns exec C nc -z -v -w 1 198.51.100.2 80
wait
ip netns exec R conntrack -L
ip netns exec R nc -l -p 8080 > /dev/null &
sleep 0.2
ip netns exec R nc -z -v -w 1 198.51.100.2 80
wait
ip netns exec R conntrack -L -p tcp --dport 80
ip netns exec R nc -l -p 82 > /dev/null &
sleep 0.2
ip netns exec C nc -z -v -w 1 203.0.113.5 82
wait
ip netns exec R iptables -t nat -nvL
ip netns exec R iptables -t nat -A POSTROUTING -j REDIRECT
ip netns exec R iptables -t filter -A INPUT -j REDIRECT
