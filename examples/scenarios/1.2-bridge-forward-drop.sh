# netsim: --preset docker-host
# Seed 1.2: RED <- br0 -> BLUE on a Docker host. The ping between the two namespaces fails: with
# br_netfilter loaded, bridged IPv4 passes iptables' FORWARD chain, whose policy Docker set to DROP.
# Inserting an ACCEPT rule into DOCKER-USER lets it through. Run it with --trace to see why.
ip netns add RED
ip link add reth0 type veth peer name reth1
ip link set reth0 netns RED
ip netns add BLUE
ip link add beth0 type veth peer name beth1
ip link set beth0 netns BLUE
ip netns list
ip -c link
ip netns exec RED ip -c a
ip netns exec BLUE ip -c a
brctl show
ip link add br0 type bridge
brctl show br0
brctl showmacs br0
brctl showstp br0
ip link set reth1 master br0
ip link set beth1 master br0
brctl show br0
brctl showmacs br0
ip -br -c link
ip netns exec RED ip addr add 11.11.11.2/24 dev reth0
ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0
ip netns exec RED ip link set reth0 up; ip link set reth1 up
ip netns exec BLUE ip link set beth0 up; ip link set beth1 up
ip link set br0 up
ip -br -c addr
# terminal 1 (RED 11.11.11.2)
nsenter --net=/var/run/netns/RED
ip -c a;echo; ip -c route;echo; ip -c neigh
ip netns identify $$
exit
# terminal 2 (the host)
brctl showmacs br0
bridge fdb show
bridge fdb show dev br0
iptables -t filter -S
iptables -t filter -L -n -v
# terminal 3 (BLUE 11.11.11.3)
nsenter --net=/var/run/netns/BLUE
ip -c a;echo; ip -c route;echo; ip -c neigh
ip netns identify $$
exit
# before the ping: FORWARD's policy is DROP, and the host forwards
iptables -t filter -S | grep '\-P'
iptables -nvL -t filter
cat /proc/sys/net/ipv4/ip_forward
# terminal 2 (the host) and terminal 3 (BLUE) watch the bridge and BLUE's end while RED pings
tcpdump -l -i br0 &
ip netns exec BLUE tcpdump -l -i beth0 &
# why does the ping fail?
nsenter --net=/var/run/netns/RED
ping -c 1 11.11.11.3
exit
watch -d 'iptables -v --numeric --table filter --list FORWARD'
watch -d 'iptables -v --numeric --table filter --list FORWARD;echo;iptables -v --numeric --table filter --list DOCKER-USER;echo;iptables -v --numeric --table filter --list DOCKER-ISOLATION-STAGE-1'
# the fix: accept in DOCKER-USER, the chain Docker leaves to the administrator
iptables -t filter -I DOCKER-USER -j ACCEPT
ip netns exec RED ping -c 1 11.11.11.3
iptables -v --numeric --table filter --list DOCKER-USER
kill %1 %2
