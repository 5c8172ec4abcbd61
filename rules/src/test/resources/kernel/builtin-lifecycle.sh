# When iptables-nft creates and deletes built-in chains: plain -F leaves absent ones absent, -F -v creates every
# one (even in a table nothing created), -X without a chain deletes the empty ones with policy ACCEPT.
# Found by a differential run; a jump to a base chain tells whether it exists (EOPNOTSUPP) or not (ENOENT).
iptables -F -v
iptables -A OUTPUT -j INPUT
iptables -F
iptables -A OUTPUT -j INPUT
iptables -F -v
iptables -X
iptables -A OUTPUT -j INPUT
iptables -F -v
iptables -P INPUT ACCEPT
iptables -F
iptables -A OUTPUT -j INPUT
iptables -F
iptables -X
iptables -A INPUT -j ACCEPT
iptables -F
iptables -v -Z
iptables -F -v
iptables -v -Z
iptables -t nat -F
iptables-save -t nat
iptables -t mangle -A PREROUTING -j ACCEPT
iptables -t mangle -F -v
iptables -t mangle -v -Z
iptables-save
iptables -A INPUT -j ACCEPT
iptables -P FORWARD DROP
iptables -P OUTPUT ACCEPT
iptables -N U
iptables -v -X
iptables -S
iptables -A OUTPUT -j INPUT
iptables -A OUTPUT -j FORWARD
iptables -F INPUT
iptables -A INPUT -j FORWARD
iptables -v -X
iptables -A OUTPUT -j INPUT
iptables-save
