# Matches added late: time, ecn, osf, cluster, connlimit, connbytes, policy, dccp, sctp (options, errors, all three print forms)
iptables -A INPUT -m time --timestart 01:00
iptables -A INPUT -m time --datestart 2020
iptables -A INPUT -m time --weekdays 1,Tu,Wednesday
iptables -A INPUT -m time ! --weekdays Mon --localtz
iptables -A INPUT -m time ! --monthdays 1,31
iptables -A INPUT -m time --timestart 22:00 --timestop 02:00 --contiguous
iptables -A INPUT -m time --timestart 01:00 --timestop 02:00 --contiguous
iptables -A INPUT -m time --datestop 2038-01-19T03:14:08
iptables -A INPUT -m time --datestop 2038-12-31
iptables -A INPUT -m time --datestart 2038
iptables -A INPUT -m time --monthdays 0
iptables -A INPUT -m time --weekdays 0
iptables -A INPUT -m time --weekdays 8
iptables -A INPUT -m time --timestart 24:00
iptables -A INPUT -m time --datestart 1969
iptables -A INPUT -m time
iptables -S INPUT
iptables -L INPUT
iptables -A INPUT -p tcp -m ecn --ecn-tcp-cwr -m osf --genre Linux
iptables -A INPUT -m cluster --cluster-total-nodes 2 --cluster-local-nodemask 33 --cluster-hash-seed 1
iptables -A INPUT -m cluster --cluster-total-nodes 2 --cluster-local-nodemask 3 --cluster-hash-seed 1
iptables -A INPUT -m cluster --cluster-total-nodes 2 --cluster-local-nodemask 4 --cluster-hash-seed 1
iptables -A INPUT -m cluster --cluster-total-nodes 2 --cluster-local-node 3 --cluster-hash-seed 1
iptables -A INPUT -m cluster --cluster-total-nodes 3
iptables -A INPUT -m connlimit --connlimit-above 2 --connlimit-mask 255.0.255.0
iptables -A INPUT -m connlimit ! --connlimit-above 2 --connlimit-mask 24
iptables -A INPUT -m connbytes ! --connbytes 5:5 --connbytes-dir both --connbytes-mode bytes
iptables -A INPUT -m connbytes ! --connbytes 5 --connbytes-dir both --connbytes-mode bytes
iptables -A INPUT -m connbytes --connbytes 0:0 --connbytes-dir both --connbytes-mode bytes
iptables -A OUTPUT -m policy --dir in --pol none
iptables -A INPUT -m policy --dir out --pol none
iptables -A INPUT -m policy --dir in --pol ipsec --proto 50 ! --mode transport --tunnel-src 1.2.3.4 --next --proto ah
iptables -A INPUT -m policy --dir in --pol ipsec --proto tcp
iptables -A INPUT -m policy --pol ipsec
iptables -A INPUT -m policy --dir in --pol none --strict
iptables -A INPUT -m policy --dir in --pol ipsec --reqid 1 --reqid 2
iptables -S INPUT
iptables -L INPUT
iptables -L INPUT -n
iptables-save
iptables -F INPUT
iptables -A INPUT -m dccp --sport 1
iptables -A INPUT -m sctp --sport 1
iptables -A INPUT -p dccp -m dccp --dccp-types REQUEST,ack --dccp-option 3 ! --dport 10:20
iptables -A INPUT -p dccp -m dccp ! --dccp-option 3 --dccp-types foo
iptables -A INPUT -p sctp -m sctp --chunk-types any DATA:Iu,ABORT:T,I_DATA:iE ! --sport 5:
iptables -A INPUT -p sctp -m sctp ! --chunk-types only NONE --dport 80
iptables -A INPUT -p sctp -m sctp --chunk-types all all
iptables -A INPUT -p sctp -m sctp --chunk-types any INIT:x
iptables -A INPUT -p sctp -m sctp --chunk-types some INIT
iptables -A INPUT -p sctp -m sctp --chunk-types any
iptables -A INPUT -p sctp -m sctp --sport 5:3
iptables -A INPUT -p sctp -m sctp --sport http --dport :
iptables -A INPUT -p sctp -m sctp --sport 1 --sport 2
iptables -A INPUT -p dccp --sport 7 --dport 9
iptables -A INPUT -p sctp --sport 7
iptables -S INPUT
iptables -L INPUT
iptables -L INPUT -n
iptables -F INPUT
iptables -A INPUT -p dccp -m dccp --dccp-types INVALID,REQUEST
iptables -A INPUT -p dccp -m dccp ! --dccp-types sync,INVALID
iptables -S INPUT
iptables -L INPUT
iptables -L INPUT -n
