#!/usr/bin/env bash
# Issue 21's performance check on the testbed's two-DC domain, with DC2's dynamic RPC ports dropped
# by an nftables table in its namespace: the whole `portqry -domain` sweep (both DCs, every check)
# against the slowest single check run alone, DC2's endpoint mapper dump plus its dropped dynamic
# ports (`-n 198.18.0.6 -e 135 -rpcports`), alternately, wall times including JVM start.
#
#   bash scripts/testbed-up.sh && bash bench/domain.sh [rounds]; bash scripts/testbed-down.sh
#
# Needs root (nft in the pqdc2 namespace) and the CLI jar (mvn -B -q -DskipTests package).
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${PORTQRY_JAR:-portqry-examples/target/portqry.jar}
ROUNDS=${1:-5}
PROPS=target/testbed/testbed.properties
[ -f "$PROPS" ] || { echo "bring the testbed up first: bash scripts/testbed-up.sh" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$PROPS"; }
NS=$(prop dc2.ns) DC2=$(prop dc2.address) LOW=$(prop dc.rpc.dynamic.low) HIGH=$(prop dc.rpc.dynamic.high)
now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

ip netns exec "$NS" nft add table inet pqbench_domain
trap 'ip netns exec "$NS" nft delete table inet pqbench_domain' EXIT
ip netns exec "$NS" nft add chain inet pqbench_domain input '{ type filter hook input priority 0; }'
ip netns exec "$NS" nft add rule inet pqbench_domain input tcp dport "$LOW-$HIGH" drop

sweep=() single=() inner=() slowest=()
for i in $(seq 1 "$ROUNDS"); do
  t=$(now); java -jar "$JAR" -domain corp.example.test -dnsserver 127.0.0.1 -json >/tmp/pq-domain-bench.json; rc=$?
  sweep+=("$(echo "$(now) - $t" | bc)")
  inner+=("$(grep -o '"elapsedMs":[0-9]*,"exitCode"' /tmp/pq-domain-bench.json | grep -o '[0-9]*' | head -1)")
  slowest+=("$(grep -o '"elapsedMs":[0-9]*}' /tmp/pq-domain-bench.json | grep -o '[0-9]*' | sort -n | tail -1)")
  grep -q '"rpc-dynamic":{"state":"FILTERED"' /tmp/pq-domain-bench.json || echo "round $i: DC2's dynamic ports not FILTERED (exit $rc)" >&2
  t=$(now); java -jar "$JAR" -n "$DC2" -e 135 -rpcports -nr >/dev/null
  single+=("$(echo "$(now) - $t" | bc)")
done
printf 'sweep of 2 DCs (wall):        %s s  (runs: %s)\n' "$(printf '%s\n' "${sweep[@]}" | median)" "${sweep[*]}"
printf 'sweep, checks only (matrix):  %s ms (runs: %s)\n' "$(printf '%s\n' "${inner[@]}" | median)" "${inner[*]}"
printf 'slowest cell of the sweep:    %s ms (runs: %s)\n' "$(printf '%s\n' "${slowest[@]}" | median)" "${slowest[*]}"
printf 'slowest single check (wall):  %s s  (runs: %s)\n' "$(printf '%s\n' "${single[@]}" | median)" "${single[*]}"
