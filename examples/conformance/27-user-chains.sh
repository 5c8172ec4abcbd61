# User chains: -N, jumps and RETURN, -E rename, -X (empty, referenced, non-empty, all), -F, reference
# counts in -L, -L of one chain, and the errors for each misuse.
iptables -N WEB
iptables -N WEB
iptables -A WEB -p tcp --dport 80 -j ACCEPT
iptables -A WEB -j RETURN
iptables -A INPUT -j WEB
iptables -A INPUT -i lo -j WEB
iptables -L WEB
iptables -L INPUT -n
iptables -E WEB HTTP
iptables -S
iptables -X HTTP
iptables -D INPUT -j HTTP
iptables -D INPUT -i lo -j HTTP
iptables -X HTTP
iptables -F HTTP
iptables -L HTTP -n
iptables -X HTTP
iptables -L HTTP
iptables -N A
iptables -N B
iptables -A A -j B
iptables -A B -j A
iptables -S
iptables -E A INPUT
iptables -E NOPE X
iptables -E A B
iptables -N INPUT
iptables -X INPUT
iptables -N this-chain-name-is-far-too-long-for-iptables
iptables -N -bad
iptables -A NOPE -j ACCEPT
iptables -A INPUT -j NOPE
iptables -F A
iptables -X
iptables -S
iptables -t nat -N DOCKER
iptables -t nat -L -n
iptables -t nat -X DOCKER
