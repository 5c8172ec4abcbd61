#!/bin/bash
# netsim conform's kernel side: runs SCRIPT line by line on the real kernel and prints the transcript of
# `netsim run --echo`: "$ <line>", the line's output (stdout and stderr), "[exit N]" when N is not 0.
#
# Started by the Java side as
#   unshare --net --mount --pid --fork --kill-child --mount-proc --propagation private bash HARNESS SCRIPT
# so this shell is pid 1 of a new pid namespace, in a fresh network namespace that plays "the host", with a
# private mount namespace. Everything the script creates lives inside: named namespaces are bind mounts in
# a private tmpfs on /var/run/netns, interfaces live in namespaces that only these processes hold. When this
# shell ends (normally or killed), the pid namespace's processes die with it, the mount namespace and its
# bind mounts go, and with them every network namespace and interface. Nothing reaches the machine's own.
set -u
script=$1
mkdir -p /var/run/netns && mount -t tmpfs -o size=1m netsim-netns /var/run/netns || exit 2
mount -t tmpfs -o size=1m netsim-run /run/netns 2>/dev/null
# /sys shows the namespace that mounts it: without this, brctl and others would read the machine's own
# interfaces (or miss the host namespace's), unlike on a real host.
mount -t sysfs netsim-sys /sys || exit 2
ip link set lo up
# A terminal line-buffers standard output; a pipe would not, and programs that write both streams
# (conntrack: entries on stdout, the summary on stderr) would come out in another order. Line-buffer
# stdio the way a terminal does.
stdbuf=/usr/libexec/coreutils/libstdbuf.so
[ -f "$stdbuf" ] && export LD_PRELOAD=$stdbuf _STDBUF_O=L
work=$(mktemp -d) || exit 2
cp -r "$(dirname "$script")"/. "$work"/ 2>/dev/null
cd "$work" || exit 2
heredoc="<<'?([A-Za-z_]+)'?$"
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ""|\#*) continue;; esac
  echo "\$ $line"
  if [[ "$line" =~ $heredoc ]]; then
    term=${BASH_REMATCH[1]}; cmd="$line"
    while IFS= read -r more; do cmd+=$'\n'"$more"; [ "$more" = "$term" ] && break; done
    eval "$cmd" 2>&1
  else
    eval "$line" </dev/null 2>&1
  fi
  rc=$?
  [ $rc -ne 0 ] && echo "[exit $rc]"
done < "$script"
kill $(jobs -p) 2>/dev/null
wait 2>/dev/null
for n in $(ip netns list | cut -d' ' -f1); do ip netns delete "$n"; done
cd / && rm -rf "$work"
