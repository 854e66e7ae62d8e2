#!/usr/bin/env bash
# The fault runs of docs/operations.md ("Faults"), on this machine and on loopback only: a private
# PostgreSQL cluster (port 18320) and one site instance (Release, demo data, port 18310) under the
# mixed load of `faults load` (tests/LocalProducts.Benchmarks), while this script restarts
# PostgreSQL with -m fast, then -m immediate, then refuses the site's connections (every slot
# taken by sleeping sessions, the site's own ended). Afterwards the load checks that every
# acknowledged write is in the database once, and prints the figures per fault. Stops and deletes
# everything it started. About 3 minutes.
#
#   bash tests/faults/run-faults.sh [--seconds 80] [--rate 30]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=80
rate=30
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift ;;
        --rate) rate="$2"; shift ;;
        *) echo "Unknown option $1 (use --seconds N, --rate N)" >&2; exit 2 ;;
    esac
    shift
done

readonly pg_port=18320 site_port=18310
readonly url="http://127.0.0.1:$site_port"
pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}"
work="$(mktemp -d /tmp/melokal-faults.XXXXXX)"
chmod 755 "$work"
data="$work/pg"
site_pid=""
load_pid=""
sleepers=()
started=$(date +%s)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '[%3ds] %s\n' $(( $(date +%s) - started )) "$*"; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_ctl() { as_postgres "$pg_bin/pg_ctl" -D "$data" -l "$work/pg.log" "$@"; }
psql_as() { local role="$1"; shift; "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$role" -v ON_ERROR_STOP=1 -qAt "$@"; }
now_ms() { date +%s%3N; }

cleanup() {
    for pid in "${sleepers[@]}" "$load_pid"; do
        [ -n "$pid" ] && kill "$pid" 2> /dev/null || true
    done
    if [ -n "$site_pid" ] && kill -0 "$site_pid" 2> /dev/null; then
        kill -TERM "$site_pid"
        for _ in $(seq 1 40); do kill -0 "$site_pid" 2> /dev/null || break; sleep 0.5; done
        kill -KILL "$site_pid" 2> /dev/null || true
    fi
    [ -f "$data/postmaster.pid" ] && pg_ctl stop -m immediate > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for port in $pg_port $site_port; do
    if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
        echo "Something already listens on 127.0.0.1:$port: stop it first." >&2
        exit 1
    fi
done

say "Building the site (Release) and the load tool"
dotnet publish src/LocalProducts.Web -c Release -o "$work/site" -nologo -v quiet > "$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
dotnet build tests/LocalProducts.Benchmarks -c Release -nologo -v quiet > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
load_tool=(dotnet tests/LocalProducts.Benchmarks/bin/Release/net10.0/LocalProducts.Benchmarks.dll faults load)

say "Starting PostgreSQL ($("$pg_bin/postgres" --version)) on 127.0.0.1:$pg_port"
mkdir -p "$data"
[ "$(id -u)" -eq 0 ] && chown postgres "$work" "$data"
# trust on loopback only: a throw-away cluster that listens on 127.0.0.1 and no socket.
as_postgres "$pg_bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$work/initdb.log"
pg_ctl start -w -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=40" > /dev/null
psql_as postgres -d postgres -c "CREATE ROLE melokal LOGIN PASSWORD 'melokal'" -c "CREATE DATABASE melokal OWNER melokal"
psql_as postgres -d melokal -c "CREATE EXTENSION pg_trgm"
connection="Host=127.0.0.1;Port=$pg_port;Database=melokal;Username=melokal;Password=melokal"

say "Starting the site on $url (Development: the demo accounts are made only there)"
(
    cd "$work/site"
    ASPNETCORE_ENVIRONMENT=Development \
    ASPNETCORE_URLS="$url" \
    ConnectionStrings__Default="$connection" \
    Site__PublicUrl="$url" \
    Seeding__LoadDemoData=true \
    Seeding__CreateDemoAccounts=true \
    RateLimits__Enabled=false \
    Email__PickupDirectory="$work/mail" \
    Serilog__MinimumLevel__Default=Information \
        exec dotnet LocalProducts.Web.dll
) > "$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 240); do
    curl -sf -o /dev/null --max-time 2 "$url/health/ready" && break
    kill -0 "$site_pid" 2> /dev/null || { cat "$work/site.log" >&2; echo "The site stopped at start-up." >&2; exit 1; }
    sleep 0.5
done
curl -sf -o /dev/null --max-time 2 "$url/health/ready" || { echo "The site was not ready within 120 s." >&2; exit 1; }

say "Mixed load: $rate requests/s for $seconds s"
events="$work/events"
: > "$events"
"${load_tool[@]}" --url "$url" --connection "$connection" --seconds "$seconds" --rate "$rate" --events "$events" --out "$work/figures.json" > "$work/load.txt" 2>&1 &
load_pid=$!

restart() {
    local mode="$1" start back
    start=$(now_ms)
    say "pg_ctl restart -m $mode"
    pg_ctl restart -m "$mode" -w -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=40" > /dev/null
    back=$(now_ms)
    echo "restart-$mode $start $back" >> "$events"
    say "  PostgreSQL back after $(( back - start )) ms"
}

sleep 15
restart fast
sleep 20
restart immediate
sleep 20
# Refused connections: sleeping sessions take every slot but the superuser's reserve, and the
# site's own sessions are ended, so each new connection the site opens is refused (53300).
say "Connections refused for 8 s (every slot taken)"
start=$(now_ms)
for _ in $(seq 1 40); do
    psql_as melokal -d melokal -c "SELECT pg_sleep(8)" > /dev/null 2>&1 &
    sleepers+=($!)
done
sleep 0.5
psql_as postgres -d postgres -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'melokal'" > /dev/null
wait "${sleepers[@]}" 2> /dev/null || true
sleepers=()
echo "connections-refused $start $(now_ms)" >> "$events"

say "Waiting for the load to finish and check the database"
status=0
wait "$load_pid" || status=$?
load_pid=""
cat "$work/load.txt"
echo "Errors in the site log, by message:"; grep " ERR\]" "$work/site.log" | sed "s/^[^]]*] [^ ]* //" | cut -c1-140 | sort | uniq -c | sort -rn | head -8
not_counted=$(grep -c "not counted" "$work/site.log" || true)
echo "Site log: $not_counted outbound clicks logged as not counted; $(grep -c ' ERR\]' "$work/site.log" || true) lines at Error; $(grep -c 'responded 500' "$work/site.log" || true) 'responded 500'."
exit "$status"
