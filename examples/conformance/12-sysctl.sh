# sysctl and /proc/sys: reading, writing in both spellings, -n, -q, and the errors for unknown keys and
# bad values.
sysctl net.ipv4.ip_forward
sysctl -n net.ipv4.ip_forward
cat /proc/sys/net/ipv4/ip_forward
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.ip_forward
sysctl -w net/ipv4/ip_forward=0
cat /proc/sys/net/ipv4/ip_forward
echo 1 > /proc/sys/net/ipv4/ip_forward
sysctl -n net.ipv4.ip_forward
sysctl net.ipv4.conf.all.forwarding
sysctl net.bridge.bridge-nf-call-iptables
sysctl -w net.bridge.bridge-nf-call-iptables=0
sysctl net.bridge.bridge-nf-call-iptables net.ipv4.ip_forward
sysctl net.ipv4.no_such_key
sysctl -w net.ipv4.no_such_key=1
sysctl -w net.ipv4.ip_forward=abc
sysctl -w net.ipv4.ip_forward
cat /proc/sys/net/ipv4/no_such_key
sysctl net.ipv4.conf.lo.route_localnet
sysctl -w net.ipv4.conf.all.route_localnet=1
sysctl net.netfilter.nf_conntrack_count
ip netns add X
ip netns exec X sysctl net.ipv4.ip_forward
ip netns exec X sysctl net.bridge.bridge-nf-call-iptables
