# netsim: --preset docker-host
# Seed 1.3: RED/BLUE -> the host and the internet. The host needs an address on br0 to reach them, they
# need a default route to reach beyond it, and the internet answers 8.8.8.8 only once MASQUERADE hides
# their private 11.11.11.0/24 behind the host's 10.0.2.15.
ip netns add RED
ip link add reth0 netns RED type veth peer name reth1
ip netns add BLUE
ip link add beth0 netns BLUE type veth peer name beth1
ip link add br0 type bridge
ip link set reth1 master br0
ip link set beth1 master br0
ip netns exec RED ip addr add 11.11.11.2/24 dev reth0
ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0
ip netns exec RED ip link set reth0 up; ip link set reth1 up;
ip netns exec BLUE ip link set beth0 up; ip link set beth1 up;
ip link set br0 up
iptables -t filter -I DOCKER-USER -j ACCEPT
# terminal 1 (RED) and terminal 3 (the host) capture
ip netns exec RED tcpdump -i any &
tcpdump -i br0 -n &
# terminal 2 (the host): why can the host not reach RED?
ping -c 1 11.11.11.2
ip -c route
ip -c addr
# an address on br0 gives the host a route to 11.11.11.0/24
ip addr add 11.11.11.1/24 dev br0
ping -c 1 11.11.11.2
ping -c 1 11.11.11.3
kill %1 %2
# terminal 3 (the host) watches ICMP on every interface
tcpdump -i any icmp -n &
# terminal 1 (RED 11.11.11.2): why can RED not reach 192.168.50.10?
nsenter --net=/var/run/netns/RED
ping -c 1 11.11.11.1
ping -c 1 192.168.50.10
ip -c route
ip -c addr
ip route add default via 11.11.11.1
ping -c 1 192.168.50.10
ip -c route
# why can RED not reach the internet?
ping -c 1 8.8.8.8
exit
kill %3
# terminal 2 (the host): SNAT in POSTROUTING
iptables -S -t nat
iptables -nvL -t nat
iptables -t nat -A POSTROUTING -s 11.11.11.0/24 -j MASQUERADE
watch -d 'iptables -v --numeric --table nat --list POSTROUTING'
nsenter --net=/var/run/netns/RED
ping -c 1 8.8.8.8
exit
iptables -nvL -t nat
conntrack -L --src-nat
# terminal 3 (BLUE 11.11.11.3)
nsenter --net=/var/run/netns/BLUE
ip route add default via 11.11.11.1
ping -c 1 8.8.8.8
exit
ip netns delete RED
ip netns delete BLUE
ip link delete br0
iptables -t filter -D DOCKER-USER -j ACCEPT
iptables -t nat -D POSTROUTING -s 11.11.11.0/24 -j MASQUERADE
