# Docker's default bridge network recreated by hand (Docker 20.10-27 rule set): docker0 172.17.0.1/16,
# two "containers" (namespaces) on it, FORWARD policy DROP with DOCKER-USER, the isolation stages,
# ESTABLISHED return traffic, MASQUERADE to the outside, and the counters each chain collects.
sysctl -w net.ipv4.ip_forward=1
ip link add docker0 type bridge
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip link add eth0 type veth peer name wan0
ip addr add 198.51.100.10/24 dev eth0
ip link set eth0 up
ip netns add NET
ip link set wan0 netns NET
ip netns exec NET ip addr add 198.51.100.1/24 dev wan0
ip netns exec NET ip addr add 203.0.113.8/32 dev lo
ip netns exec NET ip link set wan0 up
ip netns exec NET ip link set lo up
ip route add default via 198.51.100.1
iptables -N DOCKER
iptables -N DOCKER-ISOLATION-STAGE-1
iptables -N DOCKER-ISOLATION-STAGE-2
iptables -N DOCKER-USER
iptables -P FORWARD DROP
iptables -A FORWARD -j DOCKER-USER
iptables -A FORWARD -j DOCKER-ISOLATION-STAGE-1
iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -o docker0 -j DOCKER
iptables -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
iptables -A FORWARD -i docker0 -o docker0 -j ACCEPT
iptables -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
iptables -A DOCKER-ISOLATION-STAGE-1 -j RETURN
iptables -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
iptables -A DOCKER-ISOLATION-STAGE-2 -j RETURN
iptables -A DOCKER-USER -j RETURN
iptables -t nat -N DOCKER
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -t nat -A DOCKER -i docker0 -j RETURN
ip netns add PINK
ip netns add ORANGE
ip link add veth-pink type veth peer name eth0 netns PINK
ip link add veth-orange type veth peer name eth0 netns ORANGE
ip link set veth-pink master docker0
ip link set veth-orange master docker0
ip link set veth-pink up
ip link set veth-orange up
ip netns exec PINK ip addr add 172.17.0.2/16 dev eth0
ip netns exec PINK ip link set eth0 up
ip netns exec PINK ip route add default via 172.17.0.1
ip netns exec ORANGE ip addr add 172.17.0.3/16 dev eth0
ip netns exec ORANGE ip link set eth0 up
ip netns exec ORANGE ip route add default via 172.17.0.1
brctl show docker0
ip route
ip netns exec PINK ping -c 1 -W 1 172.17.0.3
ip netns exec ORANGE ping -c 1 -W 1 172.17.0.2
ip netns exec PINK ping -c 1 -W 1 203.0.113.8
ip netns exec PINK ip route
conntrack -L --src-nat
iptables -nvL FORWARD
iptables -nvL DOCKER-ISOLATION-STAGE-1
iptables -nvL DOCKER-ISOLATION-STAGE-2
iptables -t nat -nvL
iptables -S
iptables -t nat -S
ip netns exec NET ping -c 1 -W 1 172.17.0.2
