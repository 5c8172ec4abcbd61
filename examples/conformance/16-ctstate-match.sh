# Stateful filtering: a server that accepts only NEW to one port and ESTABLISHED,RELATED; counters show
# which rule saw which packet; INVALID for a stray packet; the state match's own spelling.
ip netns add C
ip netns add S
ip link add c0 netns C type veth peer name s0 netns S
ip netns exec C ip addr add 192.0.2.1/24 dev c0
ip netns exec S ip addr add 192.0.2.2/24 dev s0
ip netns exec C ip link set c0 up
ip netns exec S ip link set s0 up
ip netns exec S ip link set lo up
ip netns exec S iptables -P INPUT DROP
ip netns exec S iptables -A INPUT -i lo -j ACCEPT
ip netns exec S iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec S iptables -A INPUT -m conntrack --ctstate INVALID -j DROP
ip netns exec S iptables -A INPUT -p tcp --dport 8080 -m conntrack --ctstate NEW -j ACCEPT
ip netns exec S iptables -A INPUT -p icmp --icmp-type echo-request -m state --state NEW -j ACCEPT
ip netns exec S iptables -S INPUT
ip netns exec S iptables -L INPUT
ip netns exec S nc -l -p 8080 &
sleep 0.2
ip netns exec C nc -z -v -w 1 192.0.2.2 8080
wait
ip netns exec C nc -z -v -w 1 192.0.2.2 8081
ip netns exec C ping -c 2 -i 0.2 -W 1 192.0.2.2
ip netns exec S iptables -nvL INPUT
ip netns exec S ping -c 1 -W 1 192.0.2.1
ip netns exec S iptables -nvL INPUT
ip netns exec S iptables -Z INPUT
ip netns exec S iptables -nvL INPUT --line-numbers
