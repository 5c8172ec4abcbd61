# conntrack and UDP: a datagram to a listener ([UNREPLIED] until the answer), to a closed port (ICMP port
# unreachable back), and nc -u's view of both.
ip netns add C
ip netns add S
ip link add c0 netns C type veth peer name s0 netns S
ip netns exec C ip addr add 192.0.2.1/24 dev c0
ip netns exec S ip addr add 192.0.2.2/24 dev s0
ip netns exec C ip link set c0 up
ip netns exec C ip link set lo up
ip netns exec S ip link set s0 up
ip netns exec S iptables -t raw -A PREROUTING -p udp -j ACCEPT
ip netns exec S iptables -A INPUT -p udp -m conntrack --ctstate NEW -j ACCEPT
ip netns exec S nc -u -l -p 5353 > /dev/null &
sleep 0.2
ip netns exec S ss -unl
ip netns exec C nc -u -z -v -w 1 192.0.2.2 5353
ip netns exec S conntrack -L -p udp
ip netns exec C nc -u -z -v -w 1 192.0.2.2 5354
ip netns exec S conntrack -L -p udp --dport 5354
ip netns exec S iptables -nvL INPUT
ip netns exec S iptables -t raw -nvL PREROUTING
kill %1
