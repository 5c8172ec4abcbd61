# REJECT of local traffic: in INPUT (the sender sees the error), in OUTPUT (the local sender is told at
# once: ping's sendmsg error, nc's refused connection), and tcp-reset for a local port.
ip netns add A
ip netns add B
ip link add a0 netns A type veth peer name b0 netns B
ip netns exec A ip addr add 192.0.2.1/24 dev a0
ip netns exec B ip addr add 192.0.2.2/24 dev b0
ip netns exec A ip link set a0 up
ip netns exec A ip link set lo up
ip netns exec B ip link set b0 up
ip netns exec B ip link set lo up
ip netns exec B iptables -A INPUT -p icmp -j REJECT
ip netns exec B iptables -A INPUT -p tcp --dport 80 -j REJECT --reject-with tcp-reset
ip netns exec B iptables -A INPUT -p tcp --dport 81 -j REJECT
ip netns exec A ping -c 1 -W 1 192.0.2.2
ip netns exec A nc -z -v -w 1 192.0.2.2 80
ip netns exec A nc -z -v -w 1 192.0.2.2 81
ip netns exec B iptables -nvL INPUT
ip netns exec A iptables -A OUTPUT -p icmp -j REJECT
ip netns exec A iptables -A OUTPUT -p tcp --dport 82 -j REJECT --reject-with tcp-reset
ip netns exec A iptables -A OUTPUT -p tcp --dport 83 -j REJECT
ip netns exec A ping -c 1 -W 1 192.0.2.2
ip netns exec A nc -z -v -w 1 192.0.2.2 82
ip netns exec A nc -z -v -w 1 192.0.2.2 83
ip netns exec A iptables -nvL OUTPUT
ip netns exec A iptables -nvL INPUT
