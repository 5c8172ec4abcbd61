# The conntrack tool itself: listing with filters, counting, deleting, flushing, the expectation table,
# extended output, and its usage errors with their exit statuses.
ip netns add A
ip netns exec A ip link set lo up
ip netns exec A conntrack -L
ip netns exec A iptables -A OUTPUT -m conntrack --ctstate NEW
ip netns exec A ping -c 1 127.0.0.1 > /dev/null
ip netns exec A nc -l -p 80 > /dev/null &
sleep 0.2
ip netns exec A nc -z 127.0.0.1 80
ip netns exec A nc -z 127.0.0.1 81
ip netns exec A conntrack -L
ip netns exec A conntrack -L -p icmp
ip netns exec A conntrack -L -p tcp
ip netns exec A conntrack -L -p 6 --dport 80
ip netns exec A conntrack -L -p tcp --sport 80
ip netns exec A conntrack -L -p tcp --state TIME_WAIT
ip netns exec A conntrack -L -p tcp --state ESTABLISHED
ip netns exec A conntrack -L -s 127.0.0.1 -d 127.0.0.1 -p icmp
ip netns exec A conntrack -L -r 127.0.0.1 -q 127.0.0.1 -p icmp
ip netns exec A conntrack -L -s 192.0.2.1
ip netns exec A conntrack -L --src-nat
ip netns exec A conntrack -L --dst-nat
ip netns exec A conntrack -L conntrack -p icmp
ip netns exec A conntrack -L expect
ip netns exec A conntrack -C
ip netns exec A conntrack -L --dport 80
ip netns exec A conntrack -L -p icmp --dport 80
ip netns exec A conntrack -L -p foo
ip netns exec A conntrack -L -s
ip netns exec A conntrack -L -x
ip netns exec A conntrack -L --bogus
ip netns exec A conntrack -L nope
ip netns exec A conntrack -L -F
ip netns exec A conntrack -C -p tcp
ip netns exec A conntrack -F -p tcp
ip netns exec A conntrack -D -p udp
ip netns exec A conntrack -D -p icmp
ip netns exec A conntrack -C
ip netns exec A conntrack -F
ip netns exec A conntrack -L
ip netns exec A conntrack -C
ip netns exec A iptables -t mangle -A OUTPUT -p icmp -j CONNMARK --set-mark 5
ip netns exec A ping -c 1 127.0.0.1 > /dev/null
ip netns exec A conntrack -L -m 5
ip netns exec A conntrack -L -m 4
ip netns exec A conntrack -L -p icmp --icmp-type 8
ip netns exec A conntrack -L -p icmp --icmp-type 0
ip netns exec A conntrack -p tcp
