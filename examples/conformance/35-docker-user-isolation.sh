# DOCKER-USER and isolation between two Docker networks: a second bridge is isolated from docker0 by
# DOCKER-ISOLATION-STAGE-1/2; a DOCKER-USER rule filters before Docker's own; -I DOCKER-USER to allow.
sysctl -w net.ipv4.ip_forward=1
ip link add docker0 type bridge
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip link add br-app type bridge
ip addr add 192.0.2.1/24 dev br-app
ip link set br-app up
ip netns add A
ip netns add B
ip link add va type veth peer name eth0 netns A
ip link add vb type veth peer name eth0 netns B
ip link set va master docker0
ip link set vb master br-app
ip link set va up
ip link set vb up
ip netns exec A ip addr add 172.17.0.2/16 dev eth0
ip netns exec A ip link set eth0 up
ip netns exec A ip route add default via 172.17.0.1
ip netns exec B ip addr add 192.0.2.2/24 dev eth0
ip netns exec B ip link set eth0 up
ip netns exec B ip route add default via 192.0.2.1
iptables -N DOCKER-USER
iptables -N DOCKER-ISOLATION-STAGE-1
iptables -N DOCKER-ISOLATION-STAGE-2
iptables -P FORWARD DROP
iptables -A FORWARD -j DOCKER-USER
iptables -A FORWARD -j DOCKER-ISOLATION-STAGE-1
iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
iptables -A FORWARD -o br-app -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -i br-app ! -o br-app -j ACCEPT
iptables -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
iptables -A DOCKER-ISOLATION-STAGE-1 -i br-app ! -o br-app -j DOCKER-ISOLATION-STAGE-2
iptables -A DOCKER-ISOLATION-STAGE-1 -j RETURN
iptables -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
iptables -A DOCKER-ISOLATION-STAGE-2 -o br-app -j DROP
iptables -A DOCKER-ISOLATION-STAGE-2 -j RETURN
iptables -A DOCKER-USER -j RETURN
ip netns exec A ping -c 1 -W 1 192.0.2.2
ip netns exec A ping -c 1 -W 1 192.0.2.1
iptables -nvL DOCKER-ISOLATION-STAGE-2
iptables -I DOCKER-USER -s 172.17.0.0/16 -d 192.0.2.0/24 -j ACCEPT
ip netns exec A ping -c 1 -W 1 192.0.2.2
iptables -I DOCKER-USER -s 172.17.0.2 -p icmp -j DROP
ip netns exec A ping -c 1 -W 1 192.0.2.2
iptables -L DOCKER-USER -nv --line-numbers
iptables -nvL FORWARD
iptables -nvL DOCKER-ISOLATION-STAGE-1
