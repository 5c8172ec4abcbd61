# netsim: --preset docker-host
# Seed 2.1 and 2.2: Docker's networks and its default bridge. Two busybox containers, PINK and ORANGE,
# on docker0: they reach each other through the bridge (FORWARD -i docker0 -o docker0 -j ACCEPT) and
# the internet through MASQUERADE. The seed runs each container's shell in its own terminal
# (`docker run -it`); here they start detached and `docker exec -it NAME sh` opens their shells in turn.
docker network ls
docker info
docker info | grep Network
docker network inspect bridge | jq
brctl show
ip -c addr show docker0
iptables -t nat -S | grep MASQUERADE
ip -c route | grep docker0
# terminal 1 (PINK) and terminal 3 (ORANGE)
docker run -dit --name=PINK --rm busybox
docker run -dit --name=ORANGE --rm busybox
docker exec -it PINK sh
ip a
ip neigh
exit
docker exec -it ORANGE sh
ip a
ip neigh
exit
# terminal 2 (the host)
docker ps
ip -br -c link
brctl show docker0
iptables -t filter -S
# container to container, watched on docker0 from the host
tcpdump -i docker0 -n &
docker exec -it PINK sh
ping -c 1 172.17.0.3
ip neigh
route -n
exit
docker exec -it ORANGE sh
ping -c 1 172.17.0.2
ip neigh
route -n
exit
kill $!
# container to the internet, through MASQUERADE, watched on every interface of the host
tcpdump -i any icmp &
iptables -t nat -S
docker exec PINK ping -c 1 8.8.8.8
conntrack -L --src-nat
docker exec ORANGE ping -c 1 8.8.8.8
kill $!
docker stop PINK ORANGE
