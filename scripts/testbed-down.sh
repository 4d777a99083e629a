#!/usr/bin/env bash
# Tear down portqry's testbed: stop every daemon that testbed-up.sh started (by its recorded pid),
# delete the pqtest network namespace and the state under target/testbed/. Safe to run at any
# time, also after a crashed run or when nothing is up. --quiet: say nothing when nothing is left.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/testbed-common.sh"

quiet=0
[ "${1:-}" = --quiet ] && quiet=1
say() { [ "$quiet" = 1 ] || tb_log "$@"; }

[ "$(id -u)" -eq 0 ] || tb_die "tearing down the testbed needs root"

# 1. Daemons with a pid file, most dependent first (the namespace's echo servers, then the rest).
if [ -d "$PIDS" ]; then
  for f in "$PIDS"/ns-*.pid "$PIDS"/*.pid; do
    [ -f "$f" ] && tb_stop_pidfile "$f"
  done
fi

# 2. Our daemons outside those process groups: smbd starts samba-dcerpcd and its rpcd_* workers on
#    demand in a session of their own, and a pid file is gone if `mvn clean` removed target/ under a
#    running testbed. They are found by executable name AND a command line or an open file naming
#    this testbed's state dir, so no other instance of the same programs is touched.
leftovers() {
  local pid exe
  { grep -lsF -e "$STATE/" -e "$LIVE/" /proc/[0-9]*/cmdline
    find /proc/[0-9]*/fd -maxdepth 1 \( -lname "$STATE/*" -o -lname "$LIVE/*" \) 2>/dev/null
  } | cut -d/ -f3 | sort -un | while read -r pid; do
    [ "$pid" != "$$" ] || continue
    exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || continue
    case "${exe##*/}" in
      samba|samba-dcerpcd|rpcd_*|smbd|winbindd|snmpd|vsftpd|dovecot|exim4|prometheus) echo "$pid ${exe##*/}" ;;
    esac
  done
}
# (Samba rewrites its command line to "samba: root process", but its open files, its log and its
# databases, "(deleted)" ones too, still name the state dir.)
left=$(leftovers)
if [ -n "$left" ]; then
  while read -r pid exe; do
    say "stopping $exe (pid $pid)"
    kill -TERM "$pid" 2>/dev/null
  done <<<"$left"
  for i in $(seq 1 20); do
    left=$(leftovers)
    [ -n "$left" ] || break
    sleep 0.25
  done
  while read -r pid exe; do
    [ -n "$pid" ] || continue
    tb_log "$exe (pid $pid) ignored TERM; sending KILL"
    kill -KILL "$pid" 2>/dev/null
  done <<<"$left"
fi

# 3. The namespace: whatever still runs inside it is ours by construction (it was made here),
#    unless another checkout's testbed is up and owns it.
other=$(tb_other_owner)
if [ -n "$other" ]; then
  say "namespace $NS belongs to the running testbed of ${other%/target/testbed}; left alone"
elif ip netns list 2>/dev/null | grep -qw "^$NS"; then
  for pid in $(ip netns pids "$NS" 2>/dev/null); do
    tb_log "stopping leftover process $pid inside namespace $NS"
    kill -TERM "$pid" 2>/dev/null
  done
  sleep 0.2
  for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  # Deleting the namespace also deletes both ends of the veth pair and its nftables table.
  ip netns delete "$NS" && say "deleted network namespace $NS"
fi
if [ -z "$other" ] && ip link show "$VETH_ROOT" >/dev/null 2>&1; then
  ip link delete "$VETH_ROOT" && say "deleted leftover veth $VETH_ROOT"
fi
# DC2's namespace, likewise (its samba was stopped in steps 1 and 2; anything left inside is ours).
if [ -z "$other" ] && ip netns list 2>/dev/null | grep -qw "^$DC2_NS"; then
  for pid in $(ip netns pids "$DC2_NS" 2>/dev/null); do
    tb_log "stopping leftover process $pid inside namespace $DC2_NS"
    kill -TERM "$pid" 2>/dev/null
  done
  for i in $(seq 1 20); do [ -n "$(ip netns pids "$DC2_NS" 2>/dev/null)" ] || break; sleep 0.25; done
  for pid in $(ip netns pids "$DC2_NS" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  ip netns delete "$DC2_NS" && say "deleted network namespace $DC2_NS"
fi
if [ -z "$other" ] && ip link show "$DC2_VETH_ROOT" >/dev/null 2>&1; then
  ip link delete "$DC2_VETH_ROOT" 2>/dev/null && say "deleted leftover veth $DC2_VETH_ROOT"
fi
[ -n "$other" ] || rm -f "$OWNER"

# 4. Samba's /run/samba mount point, if testbed-up.sh had to create it.
if [ -f "$LIVE/made-run-samba" ]; then
  rmdir /run/samba 2>/dev/null || true
fi

# 5. State. Logs of the last run are kept for debugging under target/testbed-last/.
if [ -d "$STATE" ] || [ -d "$LIVE" ]; then
  rm -rf "$STATE-last"
  mkdir -p "$STATE-last"
  for dir in "$STATE" "$LIVE"; do
    [ -d "$dir" ] || continue
    find "$dir" -name '*.log' -type f -size -20M -print0 2>/dev/null |
      while IFS= read -r -d '' f; do
        rel=${f#"$dir"/}
        mkdir -p "$STATE-last/$(dirname "$rel")"
        cp "$f" "$STATE-last/$rel"
      done
  done
  rm -rf "$STATE" "$LIVE"
  rmdir "$(dirname "$LIVE")" 2>/dev/null || true
  say "removed $STATE and $LIVE (logs kept in $STATE-last)"
fi
exit 0
