# The local stack and lo: pinging 127.0.0.1, the host's own addresses, other 127/8 addresses, lo down,
# and local TCP to a listener and to a closed port.
ip addr
ping -c 1 -W 1 127.0.0.1
ping -c 1 -W 1 127.0.0.53
ip link add eth0 type veth peer name peer0
ip addr add 203.0.113.7/24 dev eth0
ping -c 1 -W 1 203.0.113.7
ip route show table local
nc -l -p 7000 > /dev/null &
sleep 0.2
ss -tnl
nc -z -v -w 1 127.0.0.1 7000
wait
nc -z -v -w 1 127.0.0.1 7001
nc -z -v -w 1 203.0.113.7 7001
ip link set lo down
ping -c 1 -W 1 127.0.0.1
ip route show table local
ip link set lo up
ping -c 1 -W 1 127.0.0.1
iptables -nvL INPUT
