# GNU grep 3.8: patterns, options, output formats, exit statuses
grep '\-P' g.txt
grep -E '*b' g.txt
grep -E 'a{1' g.txt
grep 'a\{1' g.txt
grep -E '(' g.txt
grep '[' g.txt
grep -E 'a++' g.txt
grep '[:alpha:]' g.txt
grep '[[:alpha:]' g.txt
grep -w foo g.txt
grep -c foo g.txt
grep -o 'o*' g.txt
grep -E 'a{,1}b' g.txt
grep '\(x\)' g.txt
grep -E '\(x\)' g.txt
grep 'a\' g.txt
grep -e '\-P' -e '\-A' g.txt
grep -F '(x' g.txt
grep '*b' g.txt
grep '^*b' g.txt
grep 'x\|*b' g.txt
grep -y foo g.txt
grep -x foobar g.txt
grep -ow 'fo*' g.txt
grep -E ')' h.txt
grep '\)' h.txt
grep -E '{1}' h.txt
grep -E 'b{x}' h.txt
grep -E 'a{2,1}' h.txt
grep '\(a\)\2' h.txt
grep 'a\{2\}' h.txt
grep '[]a]' h.txt
grep '[z-a]' h.txt
grep 'a\\b' h.txt
grep '[\]' h.txt
grep -i 'a-B' h.txt
grep 'x\.y' h.txt
grep -F 'x.y' h.txt
grep -E '^(a|b)+$' h.txt
grep '^\(a\|b\)\+$' h.txt
grep -E 'a{1}{2}' h.txt
grep '\<a' h.txt
grep 'b\>' h.txt
grep '\w\W' h.txt
grep -E '[[:upper:]]-' h.txt
grep -c '' h.txt
grep -E '+a' h.txt
grep -e a -e '' h.txt | head -3
grep -n -A1 -B1 -e 5 -e 9 n.txt
grep -C1 1 n.txt n.txt
grep -c 1 n.txt w1
grep -l 1 n.txt w1
grep -no 1 n.txt
grep -m2 -A1 1 n.txt
grep
grep -k x n.txt
grep --bogus x n.txt
grep x nofile
grep -s x nofile
grep -q 1 nofile n.txt
grep 1 n.txt nofile
echo abc | grep -o b
grep -vc 1 n.txt
grep -e
grep -A x 1 n.txt
grep -h 1 n.txt w1
grep -H c w1
cat g.txt | grep -n foo
grep -oE 'a|ab' g.txt
grep -oE '(a|ab)(c|bcd)?' g.txt
grep -v -e a -e o g.txt
grep -iw FOO g.txt
grep -E 'x$' g.txt
grep 'x$\|^f' g.txt
grep 'a$b' g.txt
grep 1 - n.txt < w1
grep foo g.txt > /dev/null && echo found
grep -q nomatch g.txt || echo none
