# -X on built-in chains in iptables-nft 1.8.9: absent, busy, "not empty" (policy DROP), or silently deleted.
iptables -X INPUT
iptables -S
iptables -A INPUT -j ACCEPT
iptables -X INPUT
iptables -S
iptables -X FORWARD
iptables -t nat -X PREROUTING
iptables -A INPUT -j ACCEPT
iptables -D INPUT 1
iptables -X INPUT
iptables -S
iptables -P FORWARD DROP
iptables -X FORWARD
iptables -S
iptables -L FORWARD
iptables -N X
iptables -X
iptables -S
iptables -P INPUT ACCEPT
iptables -X INPUT
iptables -nvL INPUT
iptables -A OUTPUT -j ACCEPT
iptables -D OUTPUT 1
iptables -nvL OUTPUT
iptables -X OUTPUT
iptables -nvL OUTPUT
iptables-save
