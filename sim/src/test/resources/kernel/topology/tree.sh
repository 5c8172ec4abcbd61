# tree /var/run/netns, what the seed looks at after ip netns add
tree /var/run/netns
ip netns add RED
tree /var/run/netns
ip netns add BLUE
ip netns add GREEN
tree /var/run/netns
tree /run/netns
tree /var/run/netns/
tree /nonexistent
ip netns delete BLUE
tree /var/run/netns
