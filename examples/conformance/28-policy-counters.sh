# Policies and counters: -P, counters in -nvL, -x for exact numbers, -Z for a chain and for all, -L -v
# with large counts (K/M suffixes), and -P errors.
ip netns add P
ip link add p0 netns P type veth peer name h0
ip addr add 192.0.2.1/24 dev h0
ip link set h0 up
ip netns exec P ip addr add 192.0.2.2/24 dev p0
ip netns exec P ip link set p0 up
iptables -A INPUT -p icmp -j ACCEPT
iptables -A OUTPUT -p icmp
ping -c 3 -i 0.2 -W 1 192.0.2.2
ping -c 2 -i 0.2 -s 1400 -W 1 192.0.2.2
ip netns exec P ping -c 1 -s 7000 -W 1 192.0.2.1
iptables -nvL
iptables -nvxL INPUT
iptables -L -v
iptables -Z INPUT
iptables -nvL INPUT
iptables -L OUTPUT -v -x -n
iptables -Z
iptables -nvL OUTPUT
iptables -P INPUT DROP
iptables -P FORWARD REJECT
iptables -P OUTPUT ACCEPTED
iptables -P NOPE DROP
iptables -N MINE
iptables -P MINE DROP
iptables -S
iptables -P INPUT ACCEPT
iptables -t nat -P POSTROUTING DROP
iptables -t nat -S
