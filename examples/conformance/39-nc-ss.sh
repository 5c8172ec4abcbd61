# nc as a client and a listener (TCP and UDP, -z -v -w -n -k, port ranges, its errors) and ss's listings
# of the sockets it opens, in ss's column layout.
ip netns add C
ip netns add S
ip link add c0 netns C type veth peer name s0 netns S
ip netns exec C ip addr add 192.0.2.1/24 dev c0
ip netns exec S ip addr add 192.0.2.2/24 dev s0
ip netns exec C ip link set c0 up
ip netns exec S ip link set s0 up
ip netns exec S ip link set lo up
ip netns exec S ss -tnl
ip netns exec S nc -l -p 8080 &
ip netns exec S nc -k -l 7000 &
ip netns exec S nc -u -l -p 5353 > /dev/null &
sleep 0.2
ip netns exec S ss -tnl
ip netns exec S ss -tl
ip netns exec S ss -unl
ip netns exec S ss -tunl
ip netns exec C nc -z -v -w 1 192.0.2.2 8080
wait %1
ip netns exec C nc -z -v 192.0.2.2 7000
ip netns exec C nc -z -n -v 192.0.2.2 7000
ip netns exec C nc -z -v 192.0.2.2 6999-7001
ip netns exec S ss -tan
ip netns exec C nc -z -w 1 192.0.2.2 22
ip netns exec C nc -v -w 1 192.0.2.2 22
ip netns exec C nc -z -v -w 1 192.0.2.9 80
ip netns exec C nc -z -v -w 1 10.9.9.9 80
ip netns exec C nc -z -v -w 1 nosuchhost 80
ip netns exec C nc -z -v 192.0.2.2 99999
ip netns exec C nc -z -v 192.0.2.2 0
ip netns exec C nc -z -v 192.0.2.2 http
ip netns exec C nc -z -v 192.0.2.2 nosuchservice
ip netns exec C nc -z -v 192.0.2.2
ip netns exec C nc -z -v -w x 192.0.2.2 80
ip netns exec C nc -x
ip netns exec C nc -l
ip netns exec C iptables -A INPUT -p icmp
ip netns exec S iptables -t raw -A PREROUTING -p udp -j ACCEPT
ip netns exec C nc -u -z -v -w 1 192.0.2.2 5353
ip netns exec S iptables -t raw -nvxL PREROUTING
ip netns exec S ss -uan
ip netns exec C nc -u -z -v -w 1 192.0.2.2 5354
ip netns exec S iptables -t raw -nvxL PREROUTING
ip netns exec C iptables -nvxL INPUT
ip netns exec C nc -u -v -w 1 192.0.2.2 5355
kill %2
kill %3
ip netns exec S ss -tunla
