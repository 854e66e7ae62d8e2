#!/usr/bin/env bash
# The soak of docs/operations.md ("Soak"): starts the cluster of tests/cluster/run-cluster.sh
# (PostgreSQL primary and streaming replica, site instances in Release, nginx in front), optionally
# fills it with a generated catalogue, measures the maximum rate of the soak's mix through nginx
# (`soak max`: closed loop, rising concurrency, p95 bound), runs the mix open loop at 70 % of it
# for the minutes asked (`soak run`: a line each minute, totals per kind, each instance's memory,
# PostgreSQL connections, every acknowledged write checked), prints and saves the figures as
# Markdown, then stops and deletes everything.
#
#   bash tests/soak/run-soak.sh [--minutes 30] [--instances 3|1] [--products 100000]
#                               [--step-seconds 20] [--p95-bound 250] [--report-seconds 60]
#
# --products 0 (the default) runs on the demo data only; N generates N products (and N/10 IKM)
# into the primary with the Benchmarks `generate` command after the first instance has migrated
# and seeded it, then waits for the replica to replay all of it before any load starts.
# --instances 1 against 3: this machine's cores are shared by every instance, nginx, PostgreSQL
# and the load tool itself, so on 2 cores three instances cannot give three times the rate; the
# comparison shows what the extra instances cost and whether anything degrades with them.
# Figures go to tests/soak/results/ (or $MELOKAL_SOAK_RESULTS). Ports from $MELOKAL_CLUSTER_PORT
# (default 18200): primary +0, replica +1, instances +11..+13, nginx +80.
set -euo pipefail
cd "$(dirname "$0")/../.."
arguments="$*"

minutes=30
instances=3
products=0
step_seconds=20
p95_bound=250
report_seconds=60
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes="$2"; shift ;;
        --instances) instances="$2"; shift ;;
        --products) products="$2"; shift ;;
        --step-seconds) step_seconds="$2"; shift ;;
        --p95-bound) p95_bound="$2"; shift ;;
        --report-seconds) report_seconds="$2"; shift ;;
        *) echo "Unknown option $1 (use --minutes N, --instances 1|2|3, --products N, --step-seconds N, --p95-bound MS, --report-seconds N)" >&2; exit 2 ;;
    esac
    shift
done

export MELOKAL_CLUSTER_PORT=${MELOKAL_CLUSTER_PORT:-18200}
export MELOKAL_CLUSTER_DIR=${MELOKAL_CLUSTER_DIR:-$(mktemp -d /tmp/melokal-soak.XXXXXX)}
export MELOKAL_CLUSTER_INSTANCES=$instances
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
pg_bin=${MELOKAL_CLUSTER_PGBIN:-/usr/lib/postgresql/15/bin}
dir=$MELOKAL_CLUSTER_DIR
results=${MELOKAL_SOAK_RESULTS:-tests/soak/results}
stamp=$(date -u +%Y%m%dT%H%MZ)
report="$results/soak-$stamp-${instances}i-${products}p-${minutes}m.md"
started=$(date +%s)

say() { printf '[%4ds] %s\n' $(( $(date +%s) - started )) "$*"; }
cleanup() { tests/cluster/run-cluster.sh stop > /dev/null 2>&1 || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

say "Building the site (Release) and the load tool"
dotnet build src/LocalProducts.Web -c Release -nologo -v quiet > /dev/null
dotnet build tests/LocalProducts.Benchmarks -c Release -nologo -v quiet > /dev/null
tool=(dotnet tests/LocalProducts.Benchmarks/bin/Release/net10.0/LocalProducts.Benchmarks.dll)

say "Starting the cluster: $instances instance(s) behind nginx"
tests/cluster/run-cluster.sh start
# Read, not sourced: the connection strings hold ";".
setting() { grep "^$1=" "$dir/cluster.env" | cut -d= -f2-; }
PRIMARY=$(setting PRIMARY)
REPLICA=$(setting REPLICA)
NGINX=$(setting NGINX)
pids=$(for ((n = 1; n <= instances; n++)); do setting "INSTANCE_${n}_PID"; done | paste -sd, -)

# psql as the site's role, on the primary (+0) or the replica (+1).
psql_site() {
    PGPASSWORD=$(printf '%s' "$PRIMARY" | sed 's/.*Password=//; s/;.*//') "$pg_bin/psql" -X -At -h 127.0.0.1 -p "$1" -U melokal -d melokal -c "$2"
}

if [ "$products" -gt 0 ]; then
    # Into the primary only, after the first instance migrated and seeded it: the replica follows
    # by streaming. The load starts once the replica has replayed everything the primary wrote.
    say "Generating $products products and $((products / 10)) IKM into the primary"
    "${tool[@]}" generate --connection "$PRIMARY" --products "$products" --ikm "$((products / 10))"
    target=$(psql_site "$MELOKAL_CLUSTER_PORT" "SELECT pg_current_wal_lsn()")
    for ((i = 0; i < 600; i++)); do
        caught=$(psql_site "$((MELOKAL_CLUSTER_PORT + 1))" "SELECT pg_last_wal_replay_lsn() >= '$target'::pg_lsn")
        [ "$caught" = t ] && break
        sleep 1
    done
    [ "$caught" = t ] || { echo "run-soak: the replica did not catch up with $target in 10 minutes" >&2; exit 1; }
    say "Replica caught up ($target)"
fi

mkdir -p "$results"
say "Maximum of the mix through nginx ($NGINX): steps of ${step_seconds}s, p95 under ${p95_bound}ms"
"${tool[@]}" soak max --url "$NGINX" --connection "$PRIMARY" --step-seconds "$step_seconds" --p95-bound "$p95_bound" \
    --rate-file "$dir/max-rate" --out "$dir/max.md"
max=$(cat "$dir/max-rate")
rate=$(awk -v m="$max" 'BEGIN { printf "%.1f", m * 0.7 }')

say "Soak: $rate operations/s (70 % of $max) for $minutes min"
status=0
"${tool[@]}" soak run --url "$NGINX" --connection "$PRIMARY" --replica "$REPLICA" --pids "$pids" --rate "$rate" \
    --minutes "$minutes" --report-seconds "$report_seconds" --out "$dir/soak.md" || status=$?

errors=()
for ((n = 1; n <= instances; n++)); do
    errors+=("instance $n: $(grep -c ' ERR\]' "$dir/instance$n.log" || true) log lines at Error")
done
{
    echo "# Soak through nginx: $instances instance(s), $([ "$products" -gt 0 ] && echo "$products generated products" || echo "demo data"), $minutes min"
    echo
    echo "Command: \`bash tests/soak/run-soak.sh $arguments\` ($(nproc) cores; $(uname -r); $(date -u '+%Y-%m-%d %H:%M') UTC)."
    echo "The load tool runs on the same machine as nginx, PostgreSQL and the instances and takes its share of the cores."
    if [ "$minutes" -lt 30 ]; then
        echo
        echo "**Short run ($minutes min): it proves the command, it is not the soak's figures** (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)."
    fi
    echo
    sed 's/^## /## /' "$dir/max.md"
    echo
    cat "$dir/soak.md"
    echo
    echo "Site logs: $(IFS=';'; echo "${errors[*]}"). nginx error.log: $(grep -c '\[error\]' "$dir/nginx/logs/error.log" || true) lines at error$(grep -m 3 '\[error\]' "$dir/nginx/logs/error.log" | sed 's/^[^*]*\*[0-9]* /; /; s/, client:.*//' | tr -d '\n')."
} > "$report"
say "Figures saved in $report"
cat "$report"
exit "$status"
