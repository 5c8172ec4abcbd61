# iptables-restore without --noflush deletes each table it loads: a section that names no chain leaves no
# table (iptables-save prints none); one that names a chain brings the table back. Found by a differential run.
iptables -A INPUT -j ACCEPT
iptables -N X
iptables-restore <<'RULES'
*filter
COMMIT
RULES
iptables-save
iptables -S
iptables -L
iptables-restore <<'RULES'
*filter
:FORWARD DROP [0:0]
COMMIT
RULES
iptables-save
iptables -t nat -A POSTROUTING -j ACCEPT
iptables-restore --noflush <<'RULES'
*nat
COMMIT
RULES
iptables-save
# With --noflush an empty section creates no table.
iptables-restore --noflush <<'RULES'
*mangle
COMMIT
RULES
iptables-save -t mangle
iptables-save
