# -D, -C and -R where the chain is not there: a user chain that does not exist, a built-in chain iptables-nft
# has not created yet (listing it does not create it), a table not yet created; -E checks the new name first.
# Found by a differential run.
iptables -D OUTPUT 1
iptables -D OUTPUT -j ACCEPT
iptables -D NOPE 1
iptables -D NOPE -j ACCEPT
iptables -C NOPE -j ACCEPT
iptables -C OUTPUT -j ACCEPT
iptables -R OUTPUT 1 -j ACCEPT
iptables -A INPUT -j ACCEPT
iptables -D OUTPUT 1
iptables -D OUTPUT -j ACCEPT
iptables -D NOPE 1
iptables -D NOPE -j ACCEPT
iptables -C NOPE -j ACCEPT
iptables -C OUTPUT -j ACCEPT
iptables -R OUTPUT 1 -j ACCEPT
iptables -D INPUT 2
iptables -S
iptables -L OUTPUT
iptables -D OUTPUT 1
iptables -D OUTPUT -j ACCEPT
iptables -t nat -D PREROUTING 1
iptables -t nat -D PREROUTING -j ACCEPT
iptables -t nat -C PREROUTING -j ACCEPT
iptables -E '' INPUT
iptables -N A
iptables -E NOPE A
iptables -E INPUT A
