# kube-proxy (iptables mode, 1.28-1.30 style): the canary chains kubelet and kube-proxy create with iptables,
# then one sync written as kube-proxy writes it (iptables-restore --noflush --counters, :CHAIN lines, MARK
# --or-mark/--xor-mark, statistic for endpoint choice, recent for session affinity, addrtype for node ports),
# then saved and listed.
iptables -w 5 -W 100000 -N KUBE-KUBELET-CANARY -t mangle
iptables -w 5 -W 100000 -N KUBE-PROXY-CANARY -t mangle
iptables -w 5 -N KUBE-KUBELET-CANARY -t nat
iptables -w 5 -N KUBE-KUBELET-CANARY -t filter
iptables -w 5 -N KUBE-IPTABLES-HINT -t mangle
iptables -w 5 -N KUBE-FIREWALL -t filter
iptables -w 5 -C INPUT -t filter -j KUBE-FIREWALL
iptables -w 5 -I INPUT -t filter -j KUBE-FIREWALL
iptables -w 5 -I OUTPUT -t filter -j KUBE-FIREWALL
iptables -w 5 -A KUBE-FIREWALL -t filter ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP
iptables-restore -w 5 -W 100000 --noflush --counters <<'RULES'
*filter
:KUBE-NODEPORTS - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-EXTERNAL-SERVICES - [0:0]
:KUBE-FIREWALL - [0:0]
:KUBE-FORWARD - [0:0]
:KUBE-PROXY-FIREWALL - [0:0]
:KUBE-PROXY-CANARY - [0:0]
-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
-A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS
-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP
-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A KUBE-SERVICES -m comment --comment "default/nosvc:http has no endpoints" -m tcp -p tcp -d 10.96.45.12 --dport 80 -j REJECT
-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/nosvc:http has no endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30999 -j REJECT
COMMIT
*nat
:KUBE-NODEPORTS - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-PROXY-CANARY - [0:0]
:KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]
:KUBE-SEP-2ZMB3XYJUTFYCPLW - [0:0]
:KUBE-SVC-TCOU7JCQXEZGVUNU - [0:0]
:KUBE-SEP-6E7XQMQ4RAYOWTTM - [0:0]
:KUBE-SEP-N4G2XR5TDX7PQE7P - [0:0]
:KUBE-SVC-LOLE4ISW44XBNF3G - [0:0]
:KUBE-EXT-LOLE4ISW44XBNF3G - [0:0]
:KUBE-SEP-XDV2PGJJOWXAAKZ6 - [0:0]
:KUBE-SEP-ZP3FB6NMPNCO4VBJ - [0:0]
:KUBE-SEP-OLDENDPOINT00000 - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-SERVICES -m comment --comment "default/kubernetes:https cluster IP" -m tcp -p tcp -d 10.96.0.1 --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y
-A KUBE-SERVICES -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp -p udp -d 10.96.0.10 --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU
-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.120.7 --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-NODEPORTS -m comment --comment "default/web:http" -m tcp -p tcp --dport 30080 -j KUBE-EXT-LOLE4ISW44XBNF3G
-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https cluster IP" -m tcp -p tcp -d 10.96.0.1 --dport 443 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ
-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https -> 192.168.49.2:8443" -j KUBE-SEP-2ZMB3XYJUTFYCPLW
-A KUBE-SEP-2ZMB3XYJUTFYCPLW -m comment --comment default/kubernetes:https -s 192.168.49.2 -j KUBE-MARK-MASQ
-A KUBE-SEP-2ZMB3XYJUTFYCPLW -m comment --comment default/kubernetes:https -m tcp -p tcp -j DNAT --to-destination 192.168.49.2:8443
-A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp -p udp -d 10.96.0.10 --dport 53 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ
-A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns -> 10.244.0.3:53" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-6E7XQMQ4RAYOWTTM
-A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns -> 10.244.0.4:53" -j KUBE-SEP-N4G2XR5TDX7PQE7P
-A KUBE-SEP-6E7XQMQ4RAYOWTTM -m comment --comment kube-system/kube-dns:dns -s 10.244.0.3 -j KUBE-MARK-MASQ
-A KUBE-SEP-6E7XQMQ4RAYOWTTM -m comment --comment kube-system/kube-dns:dns -m udp -p udp -j DNAT --to-destination 10.244.0.3:53
-A KUBE-SEP-N4G2XR5TDX7PQE7P -m comment --comment kube-system/kube-dns:dns -s 10.244.0.4 -j KUBE-MARK-MASQ
-A KUBE-SEP-N4G2XR5TDX7PQE7P -m comment --comment kube-system/kube-dns:dns -m udp -p udp -j DNAT --to-destination 10.244.0.4:53
-A KUBE-EXT-LOLE4ISW44XBNF3G -m comment --comment "masquerade traffic for default/web:http external destinations" -j KUBE-MARK-MASQ
-A KUBE-EXT-LOLE4ISW44XBNF3G -j KUBE-SVC-LOLE4ISW44XBNF3G
-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.120.7 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ
-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web:http -> 10.244.1.5:8080" -m recent --name KUBE-SEP-XDV2PGJJOWXAAKZ6 --rcheck --seconds 10800 --reap -j KUBE-SEP-XDV2PGJJOWXAAKZ6
-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web:http -> 10.244.2.7:8080" -m recent --name KUBE-SEP-ZP3FB6NMPNCO4VBJ --rcheck --seconds 10800 --reap -j KUBE-SEP-ZP3FB6NMPNCO4VBJ
-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web:http -> 10.244.1.5:8080" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-XDV2PGJJOWXAAKZ6
-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web:http -> 10.244.2.7:8080" -j KUBE-SEP-ZP3FB6NMPNCO4VBJ
-A KUBE-SEP-XDV2PGJJOWXAAKZ6 -m comment --comment default/web:http -s 10.244.1.5 -j KUBE-MARK-MASQ
-A KUBE-SEP-XDV2PGJJOWXAAKZ6 -m comment --comment default/web:http -m recent --set --name KUBE-SEP-XDV2PGJJOWXAAKZ6 --mask 255.255.255.255 --rsource -m tcp -p tcp -j DNAT --to-destination 10.244.1.5:8080
-A KUBE-SEP-ZP3FB6NMPNCO4VBJ -m comment --comment default/web:http -s 10.244.2.7 -j KUBE-MARK-MASQ
-A KUBE-SEP-ZP3FB6NMPNCO4VBJ -m comment --comment default/web:http -m recent --set --name KUBE-SEP-ZP3FB6NMPNCO4VBJ --mask 255.255.255.255 --rsource -m tcp -p tcp -j DNAT --to-destination 10.244.2.7:8080
-X KUBE-SEP-OLDENDPOINT00000
COMMIT
RULES
iptables-save
iptables -t nat -L KUBE-SVC-LOLE4ISW44XBNF3G
iptables -t nat -L KUBE-POSTROUTING -v -x
iptables -L KUBE-FORWARD -n --line-numbers
iptables -t mangle -S
