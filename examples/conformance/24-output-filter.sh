# OUTPUT filtering of the host's own packets: DROP gives ping a sendmsg error, a -d rule only stops one
# destination, loopback traffic passes OUTPUT and INPUT on lo, and the counters show it.
ip link add eth0 type veth peer name peer0
ip addr add 192.0.2.10/24 dev eth0
ip link set eth0 up
ip link set peer0 up
ip netns add P
ip link set peer0 netns P
ip netns exec P ip addr add 192.0.2.20/24 dev peer0
ip netns exec P ip link set peer0 up
ping -c 1 -W 1 192.0.2.20
iptables -A OUTPUT -d 192.0.2.20 -j DROP
ping -c 1 -W 1 192.0.2.20
nc -z -v -w 1 192.0.2.20 80
iptables -nvL OUTPUT
iptables -P OUTPUT DROP
ping -c 1 -W 1 127.0.0.1
iptables -A OUTPUT -o lo -j ACCEPT
ping -c 1 -W 1 127.0.0.1
ping -c 1 -W 1 192.0.2.10
iptables -nvL OUTPUT
iptables -nvL INPUT
iptables -P OUTPUT ACCEPT
iptables -F OUTPUT
ping -c 2 -i 0.2 -W 1 192.0.2.20
iptables -nvL OUTPUT
