# coreutils: cat, head, tail, wc, sort, and bash's echo
echo -e 'a\tb\n'
echo -e '\x41\101\0101\u00e9\c' more
echo -n x
echo -ne 'a\n'
echo -x y
echo -- -n
echo -E 'a\tb'
echo -en
echo -e '\q\'
echo "a  b"   c
cat -z
cat --bogus
cat nofile w1
cat -n s.txt
cat -bs w1 w1
printf 'a\tb\n' > tabs; cat -ET tabs
head -n x w1
head -n -1 w1
head -c 3 w1
head w1 w2
head nofile
head -n 1 -q w1 w2
head -5 n.txt
head -v w1
tail -n +2 w1
tail -1 w1
tail +1 w1
tail -n x w1
tail -c 2 w1
tail n.txt
tail -n 3 n.txt w1
cat w1 | wc -l
cat w1 | wc
wc -l w1
wc w1
wc w1 w2
wc -l w1 w2
cat w1 | wc -lw
wc -c w1
wc -l < w1
wc -l w1 nofile
wc nofile w1
wc -L w1
wc -m w2
wc -x
sort s.txt
sort -n s.txt
sort -r s.txt
sort -u s.txt
sort -k2 s.txt
sort -k2n s.txt
sort -k2,2n -r s.txt
sort -t' ' -k2 s.txt
sort -f s.txt
sort -nu s.txt
sort -b s.txt
sort -k1,1 -u s.txt
sort -s -k1,1 s.txt
sort -k x s.txt
sort -k 0 s.txt
sort -t ab s.txt
sort -k 1.x s.txt
sort -Q
sort nofile
cat w2 w1 | sort -k2.2
sort -rn n.txt | head -3
whoami
true; false
printf '%s|%5s|%-5s|%.2s\n' a b c defg
printf '%d %i %5.2f %x %X %o %c %e %g\n' 42 -7 3.14159 255 255 8 xyz 12345.678 0.0001
printf 'no newline'
printf '%s\n' a b c
printf '%s-%s\n' a b c
printf '%b\n' 'a\tb\0101'
printf 'a\tb\x41\101\n'
printf '%b|\n' 'x\cy' z
printf
printf '%q\n' 'a b'
printf '%%\n'
printf -- '-%s\n' x
printf '%5d|%-5d|%05d|%+d|%.3d\n' 3 3 3 3 3
printf '%s\n'
printf '%d\n' "'A"
printf '%g %g %g %G\n' 100000 1000000 0.5 1e-5
printf '%*d|%.*f\n' 4 7 2 3.14159
printf '%s %s\n' one
printf 'a\cb\n'
