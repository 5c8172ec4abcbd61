# Cases the mutation tests (IptablesFuzzTest) and a differential run against the kernel found: an empty chain
# name, -v echoing only rules whose chain, position or match was found, a jump to the base chain the rule
# goes in, the order of libxt_policy's checks, and day lists that name no day (saved in a form iptables
# itself cannot restore).
iptables -N ''
iptables -E INPUT ''
iptables -v -I ALPHA -i eth0 -j ACCEPT
iptables -v -R ALPHA 1 -i eth0 -j ACCEPT
iptables -A INPUT -i eth0 -j ACCEPT
iptables -v -C INPUT -i eth0 -j ACCEPT
iptables -v -C INPUT -i eth1 -j ACCEPT
iptables -v -R INPUT 2 -i eth0 -j ACCEPT
iptables -v -I INPUT 5 -i eth0 -j ACCEPT
iptables -v -D INPUT -i eth0 -j ACCEPT
iptables -v -D INPUT -i eth1 -j ACCEPT
iptables -v -D INPUT 1
iptables -A OUTPUT -j OUTPUT
iptables -t nat -I PREROUTING -j PREROUTING
iptables -A INPUT -m policy --dir in --pol ipsec --proto 50 --proto --next ah
iptables -A INPUT -m policy --dir in --pol ipsec --proto 50 --proto tcp
iptables -A INPUT -m policy --dir in --pol ipsec --reqid 1 --reqid x
iptables -A INPUT -m policy --dir in --pol ipsec --spi 1 --spi -1
iptables -A INPUT -m policy --dir in --pol ipsec --tunnel-src 1.2.3.4 --tunnel-src 1.2.3.400
iptables -A INPUT -m policy --dir in --pol ipsec --tunnel-dst 1.2.3.4 --tunnel-dst 1.2.3.5
iptables -A INPUT -m policy --dir in --pol ipsec --mode tunnel --mode x
iptables -A INPUT -m time --weekdays 127
iptables -A INPUT -m time --monthdays ''
iptables -S INPUT
iptables-save
# iptables-restore: a quote left open takes the line's newline into its word.
iptables-restore <<'RULES'
*filter
"kubernetes ACCEPT [0:0]
COMMIT
RULES
iptables-restore <<'RULES'
*filter
-A INPUT -m comment --comment "open
COMMIT
RULES
iptables-restore <<'RULES'
*filter
-A INPUT -m comment --comment "closed" -j ACCEPT
COMMIT
RULES
iptables-save
# -s and -d are parsed before the command's options are checked.
iptables -t raw -L PREROUTING --source -n
iptables -L INPUT -d -v
iptables -L INPUT -s 1.2.3.4
iptables -F -s 1.2.3.4,5.6.7.8
iptables -L ! -s 1.2.3.4,5.6.7.8
iptables -S -s 300.1.1.1
