# The transmit queue length: set at creation (both veth ends take it) or later, printed as qlen unless it is 0
# (as Docker's docker0 and veths show), and its parse errors.
ip link add br9 type bridge
ip link add v1 txqueuelen 0 type veth peer name v2
ip link show v1
ip link show v2
ip link set br9 txqueuelen 0
ip link show br9
ip -6 addr show dev br9
ip link set br9 qlen 5
ip link show br9
ip link set br9 txqueuelen abc
ip link set br9 txqueuelen -1
ip link set br9 txqueuelen 4294967295
ip link show br9
ip link set br9 txqueuelen 5 txqueuelen 6
ip link set br9 txqlen 0x10
ip -br link show br9
ip link show br9
