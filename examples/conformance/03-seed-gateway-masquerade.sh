# Seed 1.3: the host gives br0 an address, RED routes through it, and MASQUERADE takes RED to an outside
# host (203.0.113.8 plays the seed's 8.8.8.8 behind the uplink eth0).
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
ip netns add NET
ip link add eth0 type veth peer name net0 netns NET
ip addr add 198.51.100.10/24 dev eth0
ip link set eth0 up
ip netns exec NET ip addr add 198.51.100.1/24 dev net0
ip netns exec NET ip addr add 203.0.113.8/32 dev lo
ip netns exec NET ip link set net0 up
ip netns exec NET ip link set lo up
ip route add default via 198.51.100.1
ping -c 1 -W 1 11.11.11.2
ip route
ip addr add 11.11.11.1/24 dev br0
ip route
ping -c 1 -W 1 11.11.11.2
ping -c 1 -W 1 11.11.11.3
ip netns exec RED ping -c 1 -W 1 11.11.11.1
ip netns exec RED ping -c 1 -W 1 198.51.100.10
ip netns exec RED ip route add default via 11.11.11.1
ip netns exec RED ip route
ip netns exec RED ping -c 1 -W 1 198.51.100.10
sysctl -w net.ipv4.ip_forward=1
ip netns exec RED ping -c 1 -W 1 203.0.113.8
iptables -S -t nat
iptables -nvL -t nat
iptables -t nat -A POSTROUTING -s 11.11.11.0/24 -j MASQUERADE
ip netns exec RED ping -c 1 -W 1 203.0.113.8
iptables -nvL -t nat
conntrack -L --src-nat
ip netns exec BLUE ip route add default via 11.11.11.1
ip netns exec BLUE ping -c 1 -W 1 203.0.113.8
conntrack -L --src-nat
ip netns exec NET conntrack -L
ip netns delete RED
ip netns delete BLUE
ip link delete br0
iptables -t nat -D POSTROUTING -s 11.11.11.0/24 -j MASQUERADE
iptables -t nat -S
