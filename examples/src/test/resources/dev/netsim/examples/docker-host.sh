# A Docker host: eth0 (10.0.2.15/24) faces the office router (10.0.2.2, also answering for 198.51.100.1);
# docker0 (172.17.0.1/16) bridges the containers web (172.17.0.2) and db (172.17.0.3).
sysctl -w net.ipv4.ip_forward=1
ip netns add office
ip link add eth0 type veth peer name eth0 netns office
ip addr add 10.0.2.15/24 dev eth0
ip link set eth0 up
ip netns exec office ip addr add 10.0.2.2/24 dev eth0
ip netns exec office ip addr add 198.51.100.1/32 dev lo
ip netns exec office ip link set lo up
ip netns exec office ip link set eth0 up
ip route add default via 10.0.2.2
ip link add docker0 type bridge
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip netns add web
ip link add vethweb type veth peer name eth0 netns web
ip link set vethweb master docker0
ip link set vethweb up
ip netns exec web ip addr add 172.17.0.2/16 dev eth0
ip netns exec web ip link set lo up
ip netns exec web ip link set eth0 up
ip netns exec web ip route add default via 172.17.0.1
ip netns add db
ip link add vethdb type veth peer name eth0 netns db
ip link set vethdb master docker0
ip link set vethdb up
ip netns exec db ip addr add 172.17.0.3/16 dev eth0
ip netns exec db ip link set lo up
ip netns exec db ip link set eth0 up
ip netns exec db ip route add default via 172.17.0.1
