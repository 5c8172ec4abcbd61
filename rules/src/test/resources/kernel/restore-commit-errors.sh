# iptables-restore finds a command it cannot carry out (an index too big, a rule or chain not there) only when
# it prepares the batch at COMMIT: a later line that does not parse is reported instead. Found by a differential run.
iptables-restore <<'RULES'
*filter
-I INPUT 5 -j ACCEPT
COMMIT
RULES
iptables-restore --noflush <<'RULES'
*filter
-D INPUT -j ACCEPT
-A INPUT -j DROP
COMMIT
RULES
iptables-restore --noflush <<'RULES'
*filter
-D INPUT 3
-A INPUT -j DROP
COMMIT
RULES
iptables-restore --noflush <<'RULES'
*filter
-I INPUT 5 -j ACCEPT
-A INPUT -p tcp --dport 99999 -j DROP
COMMIT
RULES
iptables-save
# Kernel refusals (ELOOP) wait for COMMIT too; a self-jump in a chain no base chain reaches is no loop.
iptables -N A
iptables -A A -j ACCEPT
iptables-restore --noflush <<'RULES'
*filter
-A A -j A
-A INPUT -p tcp --dport 99999 -j DROP
COMMIT
RULES
iptables-restore --noflush <<'RULES'
*filter
-A A -j A
-A INPUT -j DROP
COMMIT
RULES
iptables-save
iptables-restore --noflush <<'RULES'
*filter
-A INPUT -j A
-A INPUT -p tcp --dport 99999 -j DROP
COMMIT
RULES
iptables-save
# A policy that is no policy fails at COMMIT too.
iptables-restore --noflush <<'RULES'
*filter
:INPUT BOGUS [0:0]
-A INPUT -p tcp --dport 99999
COMMIT
RULES
iptables-restore --noflush <<'RULES'
*filter
:INPUT BOGUS [0:0]
COMMIT
RULES
iptables-restore --noflush <<'RULES'
*filter
:INPUT BOGUS [0:0]
RULES
