# -S, -L and their options on a small rule set, with counters set by -c.
iptables -N ZED
iptables -N ALPHA
iptables -N mid
iptables -A INPUT -g ZED
iptables -A INPUT -j ALPHA
iptables -A INPUT -p tcp --dport 22 -m comment --comment "hello world" -j ACCEPT
iptables -A INPUT -m comment --comment x -p tcp --dport 22
iptables -A INPUT -c 5 100 -j ACCEPT
iptables -I INPUT 5 -j DROP
iptables -R INPUT 5 -j REJECT
iptables -A INPUT -s 1.2.3.4,5.6.7.8 -d 9.9.9.9 -j ACCEPT
iptables -A INPUT -s 10 -d 10.1/16
iptables -A INPUT -s localhost
iptables -A INPUT -s 127.0.0.0/8 -d 169.254.0.0/16
iptables -A INPUT -s 127.0.0.1 -d 0.0.0.0/8
iptables -A INPUT -s 127.0.0.2 -d 127.0.0.0/255.0.255.0
iptables -A INPUT -c 123456789 99999999999 -j ACCEPT
iptables -A INPUT -c 100000 99999 -j ACCEPT
iptables -A INPUT ! -f -p 47 -i eth+ ! -s 1.1.1.1
iptables -A INPUT -p 200 -j ACCEPT
iptables -A INPUT -p ICMP -j ACCEPT
iptables -A ALPHA -j RETURN
iptables -S
iptables -S -v
iptables -S INPUT 3
iptables -L
iptables -L -n
iptables -L -v
iptables -L -v -x
iptables -L INPUT -v -x -n --line-numbers
iptables -L ALPHA
iptables -L INPUT 4 -v
iptables -S INPUT 4 -v
iptables -Z INPUT 6
iptables -L INPUT 6 -v
iptables-save -c
iptables -L -v -Z INPUT
iptables -L INPUT -v
iptables -v -A INPUT -s 1.2.3.4 -p tcp --dport 22 -j ACCEPT
iptables -v -I INPUT -i eth0 -j ALPHA
iptables -v -D INPUT -i eth0 -j ALPHA
iptables -v -t nat -A POSTROUTING -s 10.0.0.0/8 ! -o eth0 -j MASQUERADE
iptables -v -F mid
iptables -v -X mid
iptables -v -Z ZED
iptables --list-r INPUT
iptables -nL FORWARD
iptables -LINPUT 1
iptables --append INPUT --source 1.2.3.4 --jump ACCEPT
iptables --ap INPUT --so 1.2.3.4 --j ACCEPT
iptables -t nat -t filter -S FORWARD
iptables --table=nat -S
iptables -w -L FORWARD
iptables -w 5 -L FORWARD
iptables -4 -L FORWARD
iptables -6 -L FORWARD
iptables -V
