# MASQUERADE: the outgoing interface's primary address, --to-ports for TCP, and the reply path un-NATed.
# Changing the outgoing address changes what new connections get.
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
ip netns exec R iptables -t nat -A POSTROUTING -s 192.0.2.0/24 -o r1 -j MASQUERADE
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec R conntrack -L --src-nat
ip netns exec R ip addr add 198.51.100.9/24 dev r1
ip netns exec R ip -br addr show dev r1
ip netns exec C ping -c 1 -W 1 198.51.100.2
ip netns exec R conntrack -F
ip netns exec R iptables -t nat -I POSTROUTING -p tcp -o r1 -j MASQUERADE --to-ports 40000-40009
ip netns exec R iptables -t nat -S
ip netns exec S nc -l -p 2222 > /dev/null &
sleep 0.2
ip netns exec C nc -z -v -w 1 198.51.100.2 2222
wait
ip netns exec R conntrack -L -p tcp
ip netns exec R iptables -t nat -nvL POSTROUTING
ip netns exec R iptables -A POSTROUTING -j MASQUERADE
ip netns exec R iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 40000
