# Clustered short options (-qw) and getopt errors, as procps-ng sysctl 4.0.2 handles them.
sysctl --bogus
sysctl -qz
sysctl -qw net.ipv4.ip_forward=1
sysctl net.ipv4.ip_forward
