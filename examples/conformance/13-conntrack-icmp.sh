# conntrack and ICMP: nothing is tracked in a namespace until a rule needs conntrack; then a ping leaves an
# icmp entry; listing filters, -D and -F.
ip netns add A
ip netns add B
ip link add a0 netns A type veth peer name b0 netns B
ip netns exec A ip addr add 192.0.2.1/24 dev a0
ip netns exec B ip addr add 192.0.2.2/24 dev b0
ip netns exec A ip link set a0 up
ip netns exec B ip link set b0 up
ip netns exec B ping -c 1 -W 1 192.0.2.1
ip netns exec A conntrack -L
ip netns exec A iptables -A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT
ip netns exec A conntrack -L
ip netns exec B ping -c 1 -W 1 192.0.2.1
ip netns exec A conntrack -L
ip netns exec A conntrack -L -p icmp
ip netns exec A conntrack -L -p tcp
ip netns exec A conntrack -L -s 192.0.2.2
ip netns exec A conntrack -L -s 192.0.2.1
ip netns exec A conntrack -C
ip netns exec A ping -c 2 -i 0.2 -W 1 192.0.2.2
ip netns exec A conntrack -L
ip netns exec A iptables -nvL INPUT
ip netns exec A conntrack -D -s 192.0.2.2
ip netns exec A conntrack -L
ip netns exec A conntrack -D -s 192.0.2.2
ip netns exec A conntrack -F
ip netns exec A conntrack -L
ip netns exec B conntrack -L
