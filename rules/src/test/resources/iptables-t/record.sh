#!/bin/bash
# record.sh DIR — asks the real iptables what it answers for every case of iptables' own .t files in DIR
# and prints the answers in the format IptablesConformanceTest reads (see answers.txt's header).
# Run it through ktrans (it must run in a throwaway network namespace); each .t file gets a fresh one.
set -u
dir=$1
echo "# iptables' own test cases (.t files, iptables commit f9ed681f) as $(iptables --version) answers them"
echo "# on Linux $(uname -r). Recorded by record.sh. One record per line, fields separated by a tab:"
echo "#   file NAME | table T | chains A,B | case RULE<TAB>RESULT<TAB>EXPECT (the .t line) |"
echo "#   run CMD (a % setup line, run through iptables) / external CMD (an @ line, skipped: tool absent) |"
echo "#   try CHAIN (the case tried in CHAIN) | add STATUS | adderr LINE | saved LINE (a new -A line of CHAIN"
echo "#   in iptables-save -t T) | listed LINE (iptables -t T -L CHAIN, when the case's rule is the chain's only"
echo "#   one) | listednv LINE (the same with -n -v) | del STATUS | delerr LINE | out STATUS / outline LINE"
for f in "$dir"/*.t; do
  echo "file	$(basename "$f")"
  unshare --net bash -s "$f" <<'INNER'
f=$1
table=filter
chains=
strip() { sed -e 's/\t/ /g'; }
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    ""|\#*) continue ;;
    :*) chains=${line#:}; echo "chains	$chains"; continue ;;
    \**) table=${line#\*}; echo "table	$table"; continue ;;
    %*) cmd=${line#%}; echo "run	$cmd"; outp=$(eval "$cmd" 2>&1); rc=$?
        echo "out	$rc"; [ -n "$outp" ] && printf '%s\n' "$outp" | strip | sed 's/^/outline\t/'; continue ;;
    @*) cmd=${line#@}; echo "external	$cmd"; continue ;;
  esac
  echo "case	$line" | awk -F';' 'BEGIN{OFS="\t"} {r=$1; res=$2; ex=$3; for(i=4;i<=NF;i++) ex=ex";"$i; print r, res, ex}'
  rule=${line%%;*}
  IFS=, read -ra chainlist <<< "$chains"
  for chain in "${chainlist[@]}"; do
    echo "try	$chain"
    before=$(iptables-save -t "$table" 2>/dev/null | grep -- "^-A $chain ")
    err=$(eval "iptables -t $table -A $chain $rule" 2>&1 >/dev/null); rc=$?
    echo "add	$rc"
    [ -n "$err" ] && printf '%s\n' "$err" | strip | sed 's/^/adderr\t/'
    if [ $rc -eq 0 ]; then
      after=$(iptables-save -t "$table" 2>/dev/null | grep -- "^-A $chain ")
      if [ -n "$before" ]; then
        printf '%s\n' "$after" | grep -vxF -- "$before" | sed 's/^/saved\t/'
      else
        printf '%s\n' "$after" | sed 's/^/saved\t/'
      fi
      if [ -z "$before" ]; then
        iptables -t "$table" -L "$chain" 2>&1 | tail -n +3 | strip | sed 's/^/listed\t/'
        iptables -t "$table" -L "$chain" -n -v 2>&1 | tail -n +3 | strip | sed 's/^/listednv\t/'
      fi
      err=$(eval "iptables -t $table -D $chain $rule" 2>&1 >/dev/null); rc=$?
      echo "del	$rc"
      [ -n "$err" ] && printf '%s\n' "$err" | strip | sed 's/^/delerr\t/'
      if [ $rc -ne 0 ]; then
        # put the chain back as it was before the case
        iptables -t "$table" -F "$chain"
        [ -n "$before" ] && printf '%s\n' "$before" | while IFS= read -r b; do eval "iptables -t $table ${b}"; done
      fi
    fi
  done
done < "$f"
INNER
done
