# sysctl in a fresh namespace: defaults, writes and their side effects, errors and exit statuses
ip netns add RED
ip netns exec RED ip link add v0 type veth peer name v1
ip netns exec RED sysctl net.ipv4.ip_forward
ip netns exec RED sysctl net.bridge.bridge-nf-call-iptables
ip netns exec RED sysctl net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.lo.forwarding
ip netns exec RED sysctl net.ipv4.conf.all.rp_filter net.ipv4.conf.default.rp_filter net.ipv4.conf.all.route_localnet
ip netns exec RED sysctl net.netfilter.nf_conntrack_max
ip netns exec RED sysctl -w net.ipv4.ip_forward=1
ip netns exec RED sysctl net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.lo.forwarding
ip netns exec RED sysctl net.ipv4.conf.v0.forwarding net.ipv4.conf.all.accept_redirects
ip netns exec RED sysctl net.ipv4.ip_forward=0
ip netns exec RED sysctl net.ipv4.conf.all.forwarding=1
ip netns exec RED sysctl net.ipv4.ip_forward
ip netns exec RED sysctl -n net.ipv4.ip_forward
ip netns exec RED sysctl -N net.ipv4.ip_forward
ip netns exec RED sysctl net.ipv4.bogus
ip netns exec RED sysctl -w net.ipv4.bogus=1
ip netns exec RED sysctl -e net.ipv4.bogus
ip netns exec RED sysctl net.a net.b
ip netns exec RED sysctl net.a net.ipv4.ip_forward net.b
ip netns exec RED sysctl net.ipv4.ip_forward=abc
ip netns exec RED sysctl -w net.ipv4.ip_forward
ip netns exec RED sysctl -w
ip netns exec RED sysctl net/ipv4/ip_forward
ip netns exec RED sysctl net.ipv4.conf.veth9.rp_filter
ip netns exec RED sysctl -w net.netfilter.nf_conntrack_count=5
ip netns exec RED sysctl -q net.ipv4.ip_forward=1
ip netns exec RED sysctl -w net.ipv4.conf.default.rp_filter=2
ip netns exec RED ip link add v2 type veth peer name v3
ip netns exec RED sysctl net.ipv4.conf.v2.rp_filter net.ipv4.conf.v0.rp_filter
ip netns exec RED sysctl net.ipv4.conf.v0.rp_filter=1
ip netns exec RED sysctl -w net.ipv4.conf.default.rp_filter=0
ip netns exec RED sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.v1.rp_filter
ip netns exec RED ip link set v0 name w0
ip netns exec RED sysctl net.ipv4.conf.w0.rp_filter
ip netns exec RED sysctl net.ipv4.ip_forward=2
ip netns exec RED sysctl net.ipv4.ip_forward
ip netns exec RED sysctl net.ipv4.ip_forward=" 1"
ip netns exec RED sysctl "net.ipv4.ip_forward = 0"
ip netns exec RED sysctl net.ipv4.ip_local_port_range
ip netns exec RED sysctl -w net.ipv4.ip_local_port_range="1024 2048"
ip netns exec RED sysctl net.ipv4.ip_local_port_range
ip netns exec RED sysctl net.bridge.bridge-nf-call-iptables=0
ip netns exec RED sysctl net.bridge
ip netns exec RED sysctl net.ipv4.conf.all
ip netns exec RED sysctl net.ipv4.neigh.w0
ip netns exec RED sysctl net.netfilter.nf_conntrack_tcp_timeout_established net.netfilter.nf_conntrack_udp_timeout net.netfilter.nf_conntrack_icmp_timeout
sysctl net.bridge.bridge-nf-call-iptables
