# bash: quoting, expansion, lists, pipelines, here-documents, redirections, jobs
echo 'single $HOME' "double $HOME" \$HOME a\ b
x=5; echo $x ${x} "${x}" '${x}'
y="one  two"; echo $y; echo "$y"
echo ${unset:-default} ${x:-default} ${unset-d2} ${x:+alt} ${#y}
echo ${z:=assigned}; echo $z
echo pre$(echo mid)post "$(echo a; echo b)"
echo `echo backquoted`
echo $(echo one two | wc -w)
false; echo $?
true && echo and-ok; false && echo not-shown; false || echo or-ok
false || true && echo chained
! false && echo negated
echo one; echo two
cat <<EOF
expanded $x $(echo sub) \$x
EOF
cat <<'EOF'
literal $x $(echo sub)
EOF
grep c <<< "abc"
echo out > file1; cat file1
echo more >> file1; cat file1
cat < file1 | wc -l
echo both &> file2; cat file2
grep x nofile 2>/dev/null; echo status $?
grep x nofile 2>&1 | wc -l
echo to-null > /dev/null
echo stderr >&2
sleep 100 &
sleep 200 &
jobs
echo a; # trailing comment
export V=exported; echo $V
