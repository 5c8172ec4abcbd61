ip netns add A
ip link add a0 netns A type veth peer name a1
ip addr add 192.0.2.1/24 dev a1
ip link set a1 up
ip netns exec A ip addr add 192.0.2.2/24 dev a0
ip netns exec A ip link set a0 up
ip netns exec A ping -c 3 -i 0.2 192.0.2.1
ip netns exec A ping -c 2 -W 1 -i 0.2 192.0.2.9
ip netns exec A ping -c 1 -W 5 192.0.2.9
ip netns exec A ping -c 1 -s 100 192.0.2.1
ip netns exec A ping -c 1 -I a0 192.0.2.1
ip netns exec A ping -c 1 -I 192.0.2.2 192.0.2.1
ip netns exec A ping -c 1 -I nosuch 192.0.2.1
iptables -A INPUT -p icmp -j REJECT
ip netns exec A ping -c 1 192.0.2.1
iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-host-prohibited
ip netns exec A ping -c 1 192.0.2.1
iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-admin-prohibited
ip netns exec A ping -c 1 192.0.2.1
iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-net-unreachable
ip netns exec A ping -c 1 192.0.2.1
iptables -R INPUT 1 -p icmp -j DROP
ip netns exec A ping -c 1 -W 1 192.0.2.1
ip netns exec A iptables -A OUTPUT -j DROP
ip netns exec A ping -c 2 -i 0.2 -W 1 192.0.2.1
ip netns exec A ping -c 1 -W 1 127.0.0.1
ip netns exec A ip link set lo up
ip netns exec A iptables -F
ip netns exec A ping -c 1 -W 1 127.0.0.1
ip netns exec A ping -c 1 -W 1 192.0.2.2
ping -c 1 -W 1 nosuchhost
ping
ping -c 1 -W 1 -b 192.0.2.255
date +%s.%N
ip netns exec A ping -c 4 192.0.2.9
date +%s.%N
ip netns exec A ip neigh
ip netns exec A ping -c 1 -W 5 192.0.2.9
date +%s.%N
ip netns exec A ping -c 1 -W 1 192.0.2.10
date +%s.%N
ip netns exec A ip neigh
