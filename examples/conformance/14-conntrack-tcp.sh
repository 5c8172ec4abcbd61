# conntrack and TCP: a listener, a connection that completes (TIME_WAIT, ASSURED), a refused one (RST),
# a closed port, and listings filtered by protocol and port.
ip netns add C
ip netns add S
ip link add c0 netns C type veth peer name s0 netns S
ip netns exec C ip addr add 192.0.2.1/24 dev c0
ip netns exec S ip addr add 192.0.2.2/24 dev s0
ip netns exec C ip link set c0 up
ip netns exec S ip link set s0 up
ip netns exec S ip link set lo up
ip netns exec S iptables -A INPUT -m state --state NEW -j ACCEPT
ip netns exec S nc -l -p 8080 &
sleep 0.2
ip netns exec S ss -tnl
ip netns exec C nc -z -v -w 1 192.0.2.2 8080
wait
ip netns exec S conntrack -L
ip netns exec S conntrack -L -p tcp --dport 8080
ip netns exec S conntrack -L -p tcp --dport 80
ip netns exec C nc -z -v -w 1 192.0.2.2 9090
ip netns exec S conntrack -L -p tcp --dport 9090
ip netns exec S conntrack -L -p tcp
ip netns exec S iptables -nvL INPUT
ip netns exec S conntrack -D -p tcp --dport 9090
ip netns exec S conntrack -L
ip netns exec S conntrack -F
ip netns exec S conntrack -L
