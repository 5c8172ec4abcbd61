# netsim: --preset docker-host
# Seed 2.3: host mode. The container shares the host's network namespace: nginx listens on the host's
# port 80 itself, and a second nginx cannot bind it and exits with status 1.
docker run --rm -d --network host --name my_nginx nginx
docker inspect my_nginx
curl -s localhost | grep -o '<title>.*</title>'
ss -tnlp
ip netns exec pc curl -s 192.168.50.10 | grep -o '<title>.*</title>'
docker run -d --network host --name my_nginx_2 nginx
docker ps -a
docker container stop my_nginx
docker ps -a
