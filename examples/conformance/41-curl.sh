# curl over TCP: a page served by nc, -s -S -v -I -o -m, the progress meter, and its errors (refused,
# timed out, unreachable, unresolvable, bad URL, bad option).
ip netns add C
ip netns add S
ip link add c0 netns C type veth peer name s0 netns S
ip netns exec C ip addr add 192.0.2.1/24 dev c0
ip netns exec S ip addr add 192.0.2.2/24 dev s0
ip netns exec C ip link set c0 up
ip netns exec S ip link set s0 up
ip netns exec S ip link set lo up
ip netns exec S nc -l -p 80 <<< $'HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html\r\nContent-Length: 3\r\n\r\nhi' > /dev/null &
sleep 0.2
ip netns exec C curl -s http://192.0.2.2/
ip netns exec S nc -l -p 8080 <<< $'HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 3\r\n\r\nhi' > /dev/null &
sleep 0.2
ip netns exec C curl -s -I 192.0.2.2:8080/index.html
ip netns exec S nc -l -p 80 <<< $'HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nno!' > /dev/null &
sleep 0.2
ip netns exec C curl -s -o /dev/null http://192.0.2.2/missing
ip netns exec S nc -l -p 80 <<< $'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nhi' > /dev/null &
sleep 0.2
ip netns exec C curl -v http://192.0.2.2/
ip netns exec C curl -s http://192.0.2.2/
ip netns exec C curl -sS http://192.0.2.2:81/x
ip netns exec C curl -sv 192.0.2.2:8080
ip netns exec C curl -s -m 1 http://192.0.2.9/
ip netns exec C curl -s http://10.1.1.1/
ip netns exec C curl -sS http://10.1.1.1/
ip netns exec C curl -s nosuch.invalid
ip netns exec C curl -sS nosuch.invalid
ip netns exec C curl -s http://192.0.2.2:99999/
ip netns exec S curl -sS localhost
ip netns exec S curl -sv localhost:80/a
ip netns exec C curl
ip netns exec C curl -s
ip netns exec C curl -s -m abc http://192.0.2.2/
