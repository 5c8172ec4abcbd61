# ping's number options as iputils reads them: -i and -W with strtod (decimal, hexadecimal, exponents,
# garbage after the number warned about, empty, infinite, out of range), -w as a whole number.
ip link set lo up
ping -c 1 -W 198.51.100.7 127.0.0.1
ping -c 1 -W x 127.0.0.1
ping -c 1 -W '' 127.0.0.1
ping -c 1 -W 1e2 127.0.0.1
ping -c 1 -W 0x1p1 127.0.0.1
ping -c 1 -W -1 127.0.0.1
ping -c 1 -W 99999999999 127.0.0.1
ping -c 1 -W inf 127.0.0.1
ping -c 1 -W 1e400 127.0.0.1
ping -c 1 -W ' +.5' 127.0.0.1
ping -c 1 -i 2x 127.0.0.1
ping -c 1 -i '' 127.0.0.1
ping -c 1 -i nan 127.0.0.1
ping -c 1 -i 99999999 127.0.0.1
ping -c 2 -i -1 127.0.0.1
ping -c 1 -w 1.5 127.0.0.1
ping -c 1 -w -1 127.0.0.1
ping -c 1 -w 2 127.0.0.1
