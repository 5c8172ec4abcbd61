# br_netfilter: with bridge-nf-call-iptables=0 bridged IPv4 bypasses iptables, so FORWARD DROP no longer
# stops it and the counters stay still; back at 1 it is filtered again.
ip netns add A
ip netns add B
ip link add br0 type bridge
ip link add a0 netns A type veth peer name a1
ip link add b0 netns B type veth peer name b1
ip link set a1 master br0
ip link set b1 master br0
ip link set a1 up
ip link set b1 up
ip link set br0 up
ip netns exec A ip addr add 192.0.2.1/24 dev a0
ip netns exec B ip addr add 192.0.2.2/24 dev b0
ip netns exec A ip link set a0 up
ip netns exec B ip link set b0 up
iptables -P FORWARD DROP
ip netns exec A ping -c 1 -W 1 192.0.2.2
iptables -nvL FORWARD
sysctl -w net.bridge.bridge-nf-call-iptables=0
cat /proc/sys/net/bridge/bridge-nf-call-iptables
ip netns exec A ping -c 1 -W 1 192.0.2.2
iptables -nvL FORWARD
echo 1 > /proc/sys/net/bridge/bridge-nf-call-iptables
sysctl -n net.bridge.bridge-nf-call-iptables
ip netns exec B ping -c 1 -W 1 192.0.2.1
iptables -nvL FORWARD
iptables -A FORWARD -i br0 -o br0 -j ACCEPT
ip netns exec B ping -c 1 -W 1 192.0.2.1
iptables -nvL FORWARD
