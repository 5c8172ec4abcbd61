# Error messages and exit codes of the iptables command.
iptables -A FOO -j ACCEPT
iptables -A INPUT -j FOO
iptables -I INPUT 2 -j ACCEPT
iptables -I INPUT 1 -j ACCEPT
iptables -I INPUT 3 -j ACCEPT
iptables -R INPUT 9 -j ACCEPT
iptables -D INPUT 9
iptables -D INPUT 0
iptables -D INPUT x
iptables -L INPUT 9
iptables -S INPUT 9
iptables -P INPUT FOO
iptables -P FOO ACCEPT
iptables -P FOO BAR
iptables -P INPUT RETURN
iptables -P INPUT
iptables -P
iptables -t nat -P INPUT DROP
iptables -t nat -A INPUT -j DROP
iptables -t nat -A PREROUTING -j MASQUERADE
iptables -A INPUT -j MASQUERADE
iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4
iptables -t nat -A OUTPUT -j SNAT --to-source 1.2.3.4
iptables -t nat -A INPUT -j SNAT --to-source 1.2.3.4
iptables -t mangle -A INPUT -j REJECT
iptables -t bogus -A INPUT -j ACCEPT
iptables -t bogus -L
iptables -N INPUT
iptables -N FOO
iptables -N FOO
iptables -N ACCEPT
iptables -N -foo
iptables -N 'a b'
iptables -N aaaaaaaaaaaaaaaaaaaaaaaaaaaaa
iptables -A INPUT -j FOO
iptables -X FOO
iptables -X INPUT
iptables -X BAR
iptables -F BAR
iptables -Z BAR
iptables -L BAR
iptables -S BAR
iptables -E FOO INPUT
iptables -E BAR BAZ
iptables -E FOO
iptables -A INPUT -o eth0
iptables -A OUTPUT -i eth0
iptables -A PREROUTING -j ACCEPT
iptables -A INPUT -s 1.2.3.4/33
iptables -A INPUT -s 1.2.3.400
iptables -A INPUT -s foo.invalid
iptables -A INPUT -p foo
iptables -A INPUT -p tcp --dport 99999
iptables -A INPUT -p tcp --dport foo
iptables -A INPUT --dport 22
iptables -A INPUT -p udp --dport 22 --syn
iptables -A INPUT -m foo
iptables -A INPUT -j ACCEPT -j DROP
iptables -A INPUT -p tcp -p udp
iptables -A INPUT ! -p all
iptables -A INPUT -n
iptables -L -j ACCEPT
iptables -A INPUT -A OUTPUT
iptables -A
iptables
iptables foo
iptables -A INPUT ! ! -s 1.2.3.4
iptables -A INPUT -s 1.2.3.4 !
iptables -A INPUT -i ''
iptables -A INPUT -i thisinterfaceistoolong0
iptables -A INPUT --line-numbers
iptables -S -n
iptables -D INPUT 1 -s 1.2.3.4
iptables -A INPUT ! -j ACCEPT
iptables -A INPUT ! -m tcp
iptables ! -A INPUT
iptables -A INPUT ! -t filter
iptables -A INPUT -c 1
iptables -A INPUT -c x 2
iptables -R INPUT
iptables -R INPUT 0 -j ACCEPT
iptables -S INPUT 1 2
iptables -L -L
iptables -L -S
iptables -A INPUT -j
iptables -A INPUT -g ACCEPT
iptables -A INPUT --jump=ACCEPT
iptables --de INPUT 1
iptables -A INPUT -p tcp -m tcp --dport 1 --dport 2
iptables -A INPUT -p 256
iptables -A INPUT -s ! 1.2.3.4
iptables -A INPUT ! -s 1.2.3.4,5.6.7.8
iptables -C INPUT -j DROP
iptables -D INPUT -j DROP
iptables -A INPUT -m tcp --dport 1
iptables -A INPUT -p tcp -m udp --dport 1
iptables -A INPUT -p udp -m tcp
iptables -A INPUT -j QUEUE
iptables -A INPUT -j INPUT
iptables -A INPUT -j OUTPUT
iptables -S
iptables -A INPUT -p icmp --icmp-type bogus -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 300 -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 8/bogus -j ACCEPT
iptables -A INPUT -p icmp --icmp-type bog/3 -j ACCEPT
iptables -A INPUT -m state --state NEW,BOGUS,FOO -j ACCEPT
iptables -A INPUT -m conntrack --ctstate BOGUS,NEW -j ACCEPT
iptables -L -Z -F
iptables -L -F -Z
iptables -Z -L -F
iptables -F -L -Z
iptables -L -A INPUT -Z
