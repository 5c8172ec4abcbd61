# Static neighbour entries: add, replace, change, show filters, NUD states over time, flush, delete
ip link add v0 type veth peer name v1
ip link set v0 up
ip link set v1 up
sleep 2
ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev v0
ip neigh add 10.0.0.6 lladdr 02:00:00:00:00:06 dev v0 nud reachable
ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev v0 nud stale
ip neigh add 10.0.0.8 lladdr 02:00:00:00:00:08 dev v0 nud noarp
ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev v0
ip neigh replace 10.0.0.5 lladdr 02:00:00:00:00:15 dev v0
ip neigh change 10.0.0.9 lladdr 02:00:00:00:00:09 dev v0
ip neigh show 10.0.0.5
ip -c neigh show 10.0.0.5
ip neigh show dev v0 nud permanent
ip neigh show 10.0.0.6
ip neigh show 10.0.0.7
ip neigh show 10.0.0.8
ip -4 neigh show nud noarp
sleep 46
ip neigh show 10.0.0.6
ip neigh flush dev v0
ip neigh show nud all 10.0.0.5
ip neigh show nud all 10.0.0.6
ip neigh show nud all 10.0.0.8
ip neigh del 10.0.0.5 dev v0
ip neigh del 10.0.0.5 dev v0
ip neigh show nud all 10.0.0.5
ip link set v0 down
ip neigh show nud all 10.0.0.8
