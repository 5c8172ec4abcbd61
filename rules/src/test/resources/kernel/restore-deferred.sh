# Jumps to chains that do not exist yet are reported at COMMIT; -X, -F and -Z on several chains.
iptables-restore <<'END'
*filter
-A INPUT -j X
:X - [0:0]
-A X -j ACCEPT
COMMIT
END
iptables-save -t filter
iptables-restore <<'END'
*filter
-A INPUT -j Y
-N Y
COMMIT
END
iptables-save -t filter
iptables-restore <<'END'
*filter
-P INPUT BOGUS
COMMIT
END
iptables-restore <<'END'
*filter
-A INPUT -j NOPE
-A INPUT -j NOPE2
-A INPUT -s 300.1.1.1
COMMIT
END
iptables-restore <<'END'
*filter
:A - [0:0]
-A INPUT -j A
-X A
COMMIT
END
iptables -N Z1
iptables -N A1
iptables -A A1 -j ACCEPT
iptables -A Z1 -j ACCEPT
iptables -X
iptables -F -v
iptables -Z -v
iptables -X -v
iptables-restore -t <<'EOF'
*filter
-A INPUT -j NOSUCH
COMMIT
EOF
iptables-restore -t <<'EOF'
*filter
-A INPUT -j NOSUCH
-A INPUT -p tcp --dport 99999 -j ACCEPT
COMMIT
EOF
