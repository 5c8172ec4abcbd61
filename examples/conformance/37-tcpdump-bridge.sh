# Seed 1.2 watched with tcpdump: a capture on br0 (promiscuous, so it also sees the ping that filter FORWARD
# drops) and one on the port beth1 written to a pcap file and read back.
ip netns add RED
ip link add reth0 type veth peer name reth1
ip link set reth0 netns RED
ip netns add BLUE
ip link add beth0 type veth peer name beth1
ip link set beth0 netns BLUE
ip link add br0 type bridge
ip link set reth1 master br0
ip link set beth1 master br0
ip netns exec RED ip addr add 11.11.11.2/24 dev reth0
ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0
ip netns exec RED ip link set reth0 up; ip link set reth1 up
ip netns exec BLUE ip link set beth0 up; ip link set beth1 up
ip link set br0 up
tcpdump -i br0 -n -l icmp or arp & sleep 1
tcpdump -i beth1 -w beth1.pcap icmp or arp & sleep 1
tcpdump -i any -w any.pcap icmp & sleep 1
ip netns exec RED ping -c 1 -W 1 11.11.11.3 > /dev/null; sleep 1.5
iptables -P FORWARD DROP
ip netns exec RED ping -c 1 -W 1 11.11.11.3 > /dev/null; sleep 1.5
kill %3; wait %3
kill %2; wait %2
kill %1; wait %1
jobs
tcpdump -r beth1.pcap -n -e
tcpdump -r beth1.pcap -n 'not icmp'
tcpdump -r beth1.pcap -n host 11.11.11.2 and arp
tcpdump -r beth1.pcap -n icmp and host 11.11.11.3 or arp and not host 11.11.11.3
tcpdump -r any.pcap -n
tcpdump -r any.pcap -n -e
tcpdump -r any.pcap -n 'icmp and not dst host 11.11.11.2'
