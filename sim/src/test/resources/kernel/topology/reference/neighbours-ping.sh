# RED pings BLUE over a veth pair, waits, pings again, then pings a missing host: the neighbour
# state sequence NeighbourTableTest replays (needs ping, so KernelTranscriptTest does not run it)
ip link set lo up
iptables -A INPUT -s 1.1.1.1
iptables -A OUTPUT -s 1.1.1.1
ping -c1 -W1 127.0.0.1 >/dev/null
iptables-save -c
iptables -Z INPUT
ping -c1 -W1 127.0.0.1 >/dev/null
iptables-save -c
iptables -F OUTPUT
ping -c1 -W1 127.0.0.1 >/dev/null
iptables-save -c
iptables -Z OUTPUT 1
iptables -t mangle -A INPUT -s 1.1.1.1
iptables -t mangle -Z
ping -c1 -W1 127.0.0.1 >/dev/null
iptables-save -c -t mangle
iptables -t raw -N FOO
iptables -t raw -Z
ping -c1 -W1 127.0.0.1 >/dev/null
iptables-save -c -t raw
iptables-restore <<'END'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -s 2.2.2.2
-A OUTPUT -s 2.2.2.2
COMMIT
END
ping -c1 -W1 127.0.0.1 >/dev/null
iptables-save -c -t filter
iptables-restore --noflush <<'END'
*filter
-A FORWARD -s 2.2.2.2
COMMIT
END
iptables-save -c -t filter
iptables-restore -c <<'END'
*filter
:INPUT DROP [5:6]
:OUTPUT ACCEPT [7:8]
[9:10] -A INPUT -s 2.2.2.2
COMMIT
END
iptables-save -c -t filter
iptables-restore <<'END'
*filter
:INPUT DROP [5:6]
:OUTPUT ACCEPT [7:8]
[9:10] -A INPUT -s 2.2.2.2
COMMIT
END
iptables-save -c -t filter
