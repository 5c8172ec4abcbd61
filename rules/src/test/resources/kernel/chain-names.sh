# Names of other tables' built-in chains are free for user chains (PREROUTING in filter, FORWARD in nat),
# by -N and by iptables-restore's chain lines (a policy there is ignored). Found by a differential run.
iptables -N PREROUTING
iptables -t nat -N FORWARD
iptables -N INPUT
iptables-restore <<'RULES'
*filter
:POSTROUTING ACCEPT [0:0]
:X - [0:0]
-A POSTROUTING -j X
COMMIT
RULES
iptables-save
iptables -S
iptables -t nat -S
