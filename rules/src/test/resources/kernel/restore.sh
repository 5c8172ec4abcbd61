# iptables-restore: atomic tables, errors with line numbers, options.
iptables -A INPUT -s 9.9.9.9
iptables -P FORWARD DROP
iptables-restore <<'END'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -s 1.1.1.1
-A INPUT -p tcp --dport 99999
COMMIT
END
iptables-save
iptables-restore <<'END'
*filter
-A INPUT -s 1.1.1.1
-A NOPE -s 1.1.1.1
COMMIT
END
iptables-restore <<'END'
*filter
-A INPUT -j NOPE
COMMIT
END
iptables-restore <<'END'
*filter
-A INPUT -s 1.1.1.1
END
iptables-restore <<'END'
*nat
-A POSTROUTING -j DROP
COMMIT
END
iptables-restore <<'END'
*bogus
COMMIT
END
iptables-restore <<'END'
-A INPUT -s 1.1.1.1
END
iptables-restore <<'END'
*filter
:INPUT BOGUS [0:0]
COMMIT
END
iptables-restore <<'END'
*filter
-A INPUT -m foo
COMMIT
END
iptables-restore <<'END'
*filter
-A INPUT -t nat -j ACCEPT
COMMIT
END
iptables-restore <<'END'
*filter
-I INPUT 5 -j ACCEPT
COMMIT
END
iptables-restore <<'END'
*filter
-D INPUT -s 7.7.7.7
COMMIT
END
iptables-restore <<'END'
*filter
:INPUT ACCEPT [0:0]
garbage here
COMMIT
END
iptables-save
iptables-restore <<'END'
# comment

*filter
:INPUT ACCEPT [1:2] extra
:FOO - [0:0]
:FOO - [0:0]
-A FOO -j ACCEPT
COMMIT
END
iptables-save
iptables-restore <<'END'
*filter
:A - [0:0]
:B - [0:0]
-A A -j B
-A B -j A
-A INPUT -j A
COMMIT
END
iptables-restore <<'END'
*filter
-A INPUT -s 1.1.1.1
COMMIT
*nat
-A BOGUS -j ACCEPT
COMMIT
END
iptables-save
iptables-restore -t <<'END'
*filter
-A INPUT -s 2.2.2.2
COMMIT
END
iptables-restore -T nat <<'END'
*filter
-A INPUT -s 3.3.3.3
COMMIT
*nat
-A POSTROUTING -j ACCEPT
COMMIT
END
iptables-save
iptables-restore -v <<'END'
# a comment
*filter
-A INPUT -s 4.4.4.4
COMMIT
END
iptables-restore -c <<'END'
*filter
[1:2] -A INPUT -s 5.5.5.5
[3:4 -A INPUT -s 6.6.6.6
COMMIT
END
iptables-restore -c <<'END'
*filter
:INPUT DROP [5:6]
:OUTPUT ACCEPT [7:8]
[1:2]-A INPUT -s 5.5.5.5
[9:10] -A INPUT -s 6.6.6.6
COMMIT
END
iptables-save -c
iptables-restore <<'END'
*filter
:INPUT DROP [5:6]
[9:10] -A INPUT -s 6.6.6.6
COMMIT
END
iptables-save -c
iptables-restore -c <<'END'
*filter
:INPUT ACCEPT
COMMIT
END
iptables-restore <<'END'
*filter
:INPUT
COMMIT
END
iptables-restore <<'END'
*filter
:
COMMIT
END
iptables-restore <<'END'
*
COMMIT
END
iptables-restore <<'END'
*filter
:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa - [0:0]
COMMIT
END
iptables-restore <<'END'
*filter
-A INPUT -m comment --comment "a b\" c" -j ACCEPT
-A INPUT -m comment --comment it's
COMMIT
END
iptables-save -t filter
iptables-restore --noflush <<'END'
*filter
-N X
-A X -j ACCEPT
-I INPUT -j X
-P FORWARD DROP
COMMIT
END
iptables-save -t filter
iptables-restore --noflush <<'END'
*filter
:X - [0:0]
COMMIT
END
iptables-save -t filter
iptables-restore -x
iptables-restore --foo
iptables-restore -V
iptables-restore nosuchfile
iptables-restore -T
iptables-restore a b
