# Docker's published ports by hand: DNAT in nat DOCKER for -p 10001:80, the filter DOCKER ACCEPT for the
# container, the hairpin MASQUERADE, reaching it from an outside PC, from the host itself, and from the
# container itself through the host's address (hairpin).
sysctl -w net.ipv4.ip_forward=1
ip link add docker0 type bridge
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip netns add PC
ip link add eth1 type veth peer name pc0 netns PC
ip addr add 192.0.2.10/24 dev eth1
ip link set eth1 up
ip netns exec PC ip addr add 192.0.2.1/24 dev pc0
ip netns exec PC ip link set pc0 up
iptables -N DOCKER
iptables -N DOCKER-USER
iptables -P FORWARD DROP
iptables -A FORWARD -j DOCKER-USER
iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -o docker0 -j DOCKER
iptables -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
iptables -A FORWARD -i docker0 -o docker0 -j ACCEPT
iptables -A DOCKER-USER -j RETURN
iptables -t nat -N DOCKER
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -t nat -A DOCKER -i docker0 -j RETURN
ip netns add web1
ip link add vethweb1 type veth peer name eth0 netns web1
ip link set vethweb1 master docker0
ip link set vethweb1 up
ip netns exec web1 ip addr add 172.17.0.2/16 dev eth0
ip netns exec web1 ip link set eth0 up
ip netns exec web1 ip link set lo up
ip netns exec web1 ip route add default via 172.17.0.1
iptables -t nat -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 10001 -j DNAT --to-destination 172.17.0.2:80
iptables -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
iptables -t nat -S | grep :80
ip netns exec PC nc -z -v -w 1 192.0.2.10 10001
ip netns exec web1 nc -l -p 80 > /dev/null &
sleep 0.2
ip netns exec PC nc -z -v -w 1 192.0.2.10 10001
wait
conntrack -L -p tcp --dport 10001
ip netns exec web1 nc -l -p 80 > /dev/null &
sleep 0.2
nc -z -v -w 1 192.0.2.10 10001
wait
ip netns exec web1 nc -l -p 80 > /dev/null &
sleep 0.2
ip netns exec web1 nc -z -v -w 1 192.0.2.10 10001
kill %1
conntrack -L -p tcp
iptables -t nat -nvL
iptables -nvL FORWARD
iptables -nvL DOCKER
iptables -t nat -D DOCKER ! -i docker0 -p tcp -m tcp --dport 10001 -j DNAT --to-destination 172.17.0.2:80
ip netns exec PC nc -z -v -w 1 192.0.2.10 10001
