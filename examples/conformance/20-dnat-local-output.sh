# DNAT for the host's own connections: nat OUTPUT with addrtype LOCAL sends a local connection to a
# published port into a namespace behind a bridge; the host then reaches it by its own address.
ip netns add W
ip link add br0 type bridge
ip link add w0 netns W type veth peer name w1
ip link set w1 master br0
ip link set w1 up
ip link set br0 up
ip addr add 172.17.0.1/16 dev br0
ip link add eth0 type veth peer name peer0
ip addr add 203.0.113.10/24 dev eth0
ip link set eth0 up
ip link set peer0 up
ip netns exec W ip addr add 172.17.0.2/16 dev w0
ip netns exec W ip link set w0 up
ip netns exec W ip link set lo up
ip netns exec W ip route add default via 172.17.0.1
ip netns exec W nc -l -p 80 > /dev/null &
sleep 0.2
nc -z -v -w 1 203.0.113.10 10001
iptables -t nat -A OUTPUT -m addrtype --dst-type LOCAL -p tcp --dport 10001 -j DNAT --to-destination 172.17.0.2:80
iptables -t nat -S OUTPUT
iptables -t nat -L OUTPUT
nc -z -v -w 1 203.0.113.10 10001
wait
conntrack -L --dst-nat
iptables -t nat -nvL OUTPUT
ip netns exec W nc -l -p 80 > /dev/null &
sleep 0.2
nc -z -v -w 1 127.0.0.1 10001
iptables -t nat -nvL OUTPUT
kill %1
