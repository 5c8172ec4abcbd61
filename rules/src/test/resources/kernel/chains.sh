# User chains: creating, renaming, deleting, references, loops and depth.
iptables -N FOO
iptables -L FOO 1
iptables -D FOO 1
iptables -I FOO 2 -j ACCEPT
iptables -A FOO -j FOO
iptables -S FOO
iptables -E FOO FOO
iptables -E FOO BAR
iptables -S
iptables -A INPUT -j BAR
iptables -X BAR
iptables -F BAR
iptables -A INPUT -j BAR
iptables -L
iptables -N A
iptables -N B
iptables -A A -j B
iptables -A B -j A
iptables -A INPUT -j A
iptables -A B -j B
iptables -X
iptables -F
iptables -X
iptables -S
iptables -N C1
iptables -N C2
iptables -N C3
iptables -N C4
iptables -N C5
iptables -N C6
iptables -N C7
iptables -N C8
iptables -N C9
iptables -N C10
iptables -N C11
iptables -N C12
iptables -N C13
iptables -N C14
iptables -N C15
iptables -N C16
iptables -N C17
iptables -A C1 -j C2
iptables -A C2 -j C3
iptables -A C3 -j C4
iptables -A C4 -j C5
iptables -A C5 -j C6
iptables -A C6 -j C7
iptables -A C7 -j C8
iptables -A C8 -j C9
iptables -A C9 -j C10
iptables -A C10 -j C11
iptables -A C11 -j C12
iptables -A C12 -j C13
iptables -A C13 -j C14
iptables -A C14 -j C15
iptables -A C15 -j C16
iptables -A FORWARD -j C1
iptables -A FORWARD -j C2
iptables -A C16 -j C17
iptables -A FORWARD -g C3
iptables -t nat -N X
iptables -t nat -A X -j MASQUERADE
iptables -t nat -A PREROUTING -j X
iptables -t nat -A POSTROUTING -j X
iptables -t nat -N N1
iptables -t nat -A N1 -j SNAT --to-source 1.2.3.4
iptables -t nat -A OUTPUT -j N1
iptables -t nat -A INPUT -j N1
iptables -t nat -S
iptables -t nat -X X
iptables -t nat -F
iptables -t nat -X X
iptables -t nat -L
