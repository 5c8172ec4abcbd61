# netsim: --preset docker-host
# Seed 2.4: publishing container ports. Each -p HOST:CONTAINER adds a DNAT rule to nat DOCKER, an ACCEPT
# rule to filter DOCKER and a hairpin MASQUERADE; the PC outside (192.168.50.1) reaches web1-web3 on
# the host's ports 10001-10003. Stopping the containers removes the rules.
docker run -d --name=web1 -p 10001:80 --rm nginx:alpine
docker run -d --name=web2 -p 10002:80 --rm nginx:alpine
docker run -d --name=web3 -p 10003:80 --rm nginx:alpine
docker ps
iptables -t nat -S | grep :80
iptables -t filter -S
# from the PC outside (the seed's own PC, here `ip netns exec pc`)
ip netns exec pc curl -s 192.168.50.10:10001 | grep -o '<title>.*</title>'
ip netns exec pc curl -s 192.168.50.10:10002 | grep -o '<title>.*</title>'
ip netns exec pc curl -s 192.168.50.10:10003 | grep -o '<title>.*</title>'
conntrack -L
iptables -t nat -L -n -v
docker stop $(docker ps -a -q)
iptables -t nat -S
