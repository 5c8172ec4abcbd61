# Seed 1.2: RED and BLUE on bridge br0; with br_netfilter, filter FORWARD policy DROP (as Docker sets it)
# stops the bridged ping until a DOCKER-USER rule accepts it.
ip netns add RED
ip link add reth0 type veth peer name reth1
ip link set reth0 netns RED
ip netns add BLUE
ip link add beth0 type veth peer name beth1
ip link set beth0 netns BLUE
brctl show
ip link add br0 type bridge
brctl show
ip link set reth1 master br0
ip link set beth1 master br0
brctl show
ip netns exec RED ip addr add 11.11.11.2/24 dev reth0
ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0
ip netns exec RED ip link set reth0 up; ip link set reth1 up
ip netns exec BLUE ip link set beth0 up; ip link set beth1 up
ip link set br0 up
ip -br link
sysctl net.bridge.bridge-nf-call-iptables
iptables -N DOCKER-USER
iptables -N DOCKER-ISOLATION-STAGE-1
iptables -A FORWARD -j DOCKER-USER
iptables -A FORWARD -j DOCKER-ISOLATION-STAGE-1
iptables -A DOCKER-USER -j RETURN
iptables -A DOCKER-ISOLATION-STAGE-1 -j RETURN
iptables -P FORWARD DROP
iptables -t filter -S | grep '\-P'
cat /proc/sys/net/ipv4/ip_forward
ip netns exec RED ping -c 1 -W 1 11.11.11.3
iptables -v --numeric --table filter --list FORWARD
iptables -v --numeric --table filter --list DOCKER-USER
iptables -t filter -I DOCKER-USER -j ACCEPT
ip netns exec RED ping -c 1 -W 1 11.11.11.3
iptables -nvL -t filter
ip netns exec RED ip neigh
