# brctl where /sys matches the namespace (as on a real host): run inside namespace H via ip netns exec.
# Port MACs are fixed: brctl sorts by MAC and a bridge takes its lowest port MAC, which with random MACs varies.
ip netns add H
ip netns exec H ip link add br0 type bridge
ip netns exec H brctl show
ip netns exec H brctl show br0
ip netns exec H brctl showmacs br0
ip netns exec H brctl showstp br0
ip netns exec H ip link add zbr type bridge
ip netns exec H ip link add abr type bridge
ip netns exec H ip link add veth0 type veth peer name pveth0
ip netns exec H ip link add veth1 type veth peer name pveth1
ip netns exec H ip link add reth1 type veth peer name preth1
ip netns exec H ip link add beth1 type veth peer name pbeth1
ip netns exec H ip link set veth0 address 02:00:00:00:00:04
ip netns exec H ip link set veth1 address 02:00:00:00:00:03
ip netns exec H ip link set reth1 address 02:00:00:00:00:02
ip netns exec H ip link set beth1 address 02:00:00:00:00:01
ip netns exec H ip link set pveth0 address 02:00:00:00:00:05
ip netns exec H ip link set reth1 master br0
ip netns exec H ip link set beth1 master br0
ip netns exec H ip link set veth1 master br0
ip netns exec H ip link set veth0 master br0
ip netns exec H brctl show
ip netns exec H brctl show br0
ip netns exec H brctl showmacs br0
ip netns exec H brctl show nosuch
ip netns exec H brctl showmacs nosuch
ip netns exec H brctl addbr br0
ip netns exec H brctl addbr newbr
ip netns exec H brctl delbr nosuch
ip netns exec H ip link set newbr up
ip netns exec H brctl delbr newbr
ip netns exec H ip link set newbr down
ip netns exec H brctl delbr newbr
ip netns exec H brctl addif nosuch pveth0
ip netns exec H brctl addif abr nosuch
ip netns exec H brctl addif abr veth0
ip netns exec H brctl delif abr veth0
ip netns exec H brctl delif br0 pveth0
ip netns exec H brctl delif br0 veth0
ip netns exec H brctl addif abr veth0 pveth0
ip netns exec H brctl show abr
ip netns exec H brctl showstp abr
ip netns exec H ip link set abr address 02:00:00:00:00:aa
ip netns exec H brctl showmacs abr
ip netns exec H brctl show
ip netns exec H brctl setageing abr 60
ip netns exec H ip link show abr
ip netns exec H bridge fdb show br abr
ip netns exec H brctl
ip netns exec H brctl foo
ip netns add EMPTY
ip netns exec EMPTY brctl show
