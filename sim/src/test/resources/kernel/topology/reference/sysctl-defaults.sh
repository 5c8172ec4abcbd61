# The sysctl keys and defaults of a fresh namespace with one veth pair, and which of them are read-only:
# the source of core/src/main/resources/dev/netsim/core/topo/sysctl-defaults.txt
ip netns add RED
ip netns exec RED ip link add v0 type veth peer name v1
ip netns exec RED sysctl -a 2>/dev/null | grep '^net\.'
ip netns exec RED sh -c 'cd /proc/sys/net && find . -type f ! -perm -u=w | sort'
