#!/usr/bin/env bash
# The cluster faults of docs/operations.md ("Faults"): the primary, its streaming replica, three
# site instances and nginx (tests/cluster/run-cluster.sh, ports from 18700) under the mixed load
# of `faults load` sent through nginx, while this script kills one instance with SIGKILL, then
# stops the replica and starts it again. Afterwards the load checks that every acknowledged write
# is in the primary once, and prints the figures per fault. Stops and deletes everything.
# Each simulated client connects from its own loopback address (127.1.x.y), so nginx passes
# distinct addresses and the site's rate limits stay on, as in production: the counts must be
# exact (every comment and registration acknowledged is kept once, every click sent is counted).
#
#   bash tests/faults/run-cluster-faults.sh [--seconds 180] [--rate 30]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=180
rate=30
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift ;;
        --rate) rate="$2"; shift ;;
        *) echo "Unknown option $1 (use --seconds N, --rate N)" >&2; exit 2 ;;
    esac
    shift
done

export MELOKAL_CLUSTER_PORT=${MELOKAL_CLUSTER_PORT:-18700}
export MELOKAL_CLUSTER_DIR=${MELOKAL_CLUSTER_DIR:-$(mktemp -d /tmp/melokal-cluster-faults.XXXXXX)}
pg_bin=${MELOKAL_CLUSTER_PGBIN:-/usr/lib/postgresql/15/bin}
dir=$MELOKAL_CLUSTER_DIR
started=$(date +%s)
load_pid=""
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '[%3ds] %s\n' $(( $(date +%s) - started )) "$*"; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
now_ms() { date +%s%3N; }

cleanup() {
    [ -n "$load_pid" ] && kill "$load_pid" 2> /dev/null || true
    tests/cluster/run-cluster.sh stop > /dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "Building the site (Release) and the load tool"
dotnet build src/LocalProducts.Web -c Release -nologo -v quiet > /dev/null
dotnet build tests/LocalProducts.Benchmarks -c Release -nologo -v quiet > /dev/null
load_tool=(dotnet tests/LocalProducts.Benchmarks/bin/Release/net10.0/LocalProducts.Benchmarks.dll faults load)

say "Starting the cluster"
tests/cluster/run-cluster.sh start
# Read, not sourced: the connection strings hold ";".
setting() { grep "^$1=" "$dir/cluster.env" | cut -d= -f2-; }
PRIMARY=$(setting PRIMARY)
NGINX=$(setting NGINX)

say "Mixed load through nginx ($NGINX): $rate requests/s for $seconds s"
events="$dir/events"
: > "$events"
"${load_tool[@]}" --url "$NGINX" --connection "$PRIMARY" --seconds "$seconds" --rate "$rate" --events "$events" \
    --out "$dir/figures.json" > "$dir/load.txt" 2>&1 &
load_pid=$!

sleep 15
say "kill -9 instance 2"
start=$(now_ms)
kill -KILL "$(cat "$dir/instance2.pid")"
# nginx marks it failed after max_fails; the event lasts until the load's next 20 s.
sleep 20
echo "instance-2-killed $start $(now_ms)" >> "$events"

say "Stopping the replica (-m fast) for 10 s"
start=$(now_ms)
as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/replica" -m fast -w stop > /dev/null
sleep 10
as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/replica" -l "$dir/pg/replica.log" -w start > /dev/null
echo "replica-stopped $start $(now_ms)" >> "$events"
say "Replica started again"

wait "$load_pid" || status=$?
load_pid=""
cat "$dir/load.txt"
for n in 1 3; do
    echo "Instance $n: $(grep -c ' ERR\]' "$dir/instance$n.log" || true) lines at Error, $(grep -c 'responded 500' "$dir/instance$n.log" || true) 'responded 500', replica fallbacks logged: $(grep -ci 'replica' "$dir/instance$n.log" | head -1)"
done
exit "${status:-0}"
