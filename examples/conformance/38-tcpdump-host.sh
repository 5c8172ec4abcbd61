# tcpdump on the host's own traffic: pings from the host through br0 (the bridge floods ARP to the port added
# last first), captured on any and read back with -e; a capture on lo keeps only the incoming copies; tcpdump's
# errors for a missing device, a bad filter and a missing file; a capture started with ip netns exec ... &.
ip netns add RED
ip link add reth0 netns RED type veth peer name reth1
ip netns add BLUE
ip link add beth0 netns BLUE type veth peer name beth1
ip link add br0 type bridge
ip link set br0 address 02:00:00:00:00:01
ip link set reth1 master br0
ip link set beth1 master br0
ip netns exec RED ip addr add 11.11.11.2/24 dev reth0
ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0
ip netns exec RED ip link set reth0 up; ip link set reth1 up
ip netns exec BLUE ip link set beth0 up; ip link set beth1 up
ip addr add 11.11.11.1/24 dev br0
ip link set br0 up
tcpdump -i any -w any.pcap icmp or arp & sleep 1
ping -c 1 11.11.11.2 > /dev/null; ping -c 1 11.11.11.3 > /dev/null; sleep 1.5
kill %1; wait %1
tcpdump -r any.pcap -n -e
tcpdump -r any.pcap -n arp
tcpdump -r any.pcap -n 'icmp and (host 11.11.11.3 or src 11.11.11.2)'
tcpdump -i lo -n -l icmp & sleep 1
ping -c 1 127.0.0.1 > /dev/null; sleep 1.5
kill %1; wait %1
ip netns exec RED tcpdump -i reth0 -r any.pcap -n -c 2
ip netns exec RED tcpdump -i reth0 -n -l icmp & sleep 1
ping -c 1 11.11.11.2 > /dev/null; sleep 1.5
jobs
kill %1; wait %1
tcpdump -i nosuch -n
tcpdump -i br0 -n 'tcp port'
tcpdump -i br0 -n host
tcpdump -r missing.pcap
