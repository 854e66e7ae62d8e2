#!/usr/bin/env bash
# The fault runs of docs/operations.md ("Faults"), on this machine and on loopback only: a private
# PostgreSQL cluster (port 18320) and one site instance (Release, demo data, port 18310) under the
# mixed load of `faults load` (tests/LocalProducts.Benchmarks). By default this script restarts
# PostgreSQL with -m fast, then -m immediate, then refuses the site's connections (every slot
# taken by sleeping sessions, the site's own ended). With --pool it instead holds the site's whole
# connection pool (a slow lock on products for 8 s) and probes a page meanwhile; with --disk-full
# it moves the site's tables and indexes into a tablespace on a small tmpfs (pg_wal stays on the
# main disk: a full pg_wal makes PostgreSQL PANIC) and fills that tmpfs with a ballast file for
# 10 s. Afterwards the load checks that every acknowledged write is in the database once, and
# prints the figures per fault. Stops, unmounts and deletes everything it started. About 3 minutes.
#
#   bash tests/faults/run-faults.sh [--seconds 80] [--rate 30] [--pool] [--disk-full]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=80
rate=30
pool=false
disk_full=false
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift ;;
        --rate) rate="$2"; shift ;;
        --pool) pool=true ;;
        --disk-full) disk_full=true ;;
        *) echo "Unknown option $1 (use --seconds N, --rate N, --pool, --disk-full)" >&2; exit 2 ;;
    esac
    shift
done
restarts=true
if $pool || $disk_full; then restarts=false; fi

readonly pg_port=18320 site_port=18310
readonly url="http://127.0.0.1:$site_port"
pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}"
work="$(mktemp -d /tmp/melokal-faults.XXXXXX)"
chmod 755 "$work"
data="$work/pg"
small="$work/small"
site_pid=""
probe_pid=""
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
    for pid in "${sleepers[@]}" "$load_pid" "$probe_pid"; do
        [ -n "$pid" ] && kill "$pid" 2> /dev/null || true
    done
    if [ -n "$site_pid" ] && kill -0 "$site_pid" 2> /dev/null; then
        kill -TERM "$site_pid"
        for _ in $(seq 1 40); do kill -0 "$site_pid" 2> /dev/null || break; sleep 0.5; done
        kill -KILL "$site_pid" 2> /dev/null || true
    fi
    [ -f "$data/postmaster.pid" ] && pg_ctl stop -m immediate > /dev/null 2>&1 || true
    if mountpoint -q "$small" 2> /dev/null; then umount "$small" || true; fi
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

if $disk_full; then
    # The tables and indexes the site writes, in a tablespace on a tmpfs just larger than they are.
    # The catalogues and pg_wal stay on the main disk: with pg_wal full PostgreSQL PANICs and
    # restarts (the restart runs above cover that); here a full disk refuses writes (53100) only.
    mkdir -p "$small"
    used_mb=$(psql_as postgres -d melokal -c "SELECT ceil(sum(pg_total_relation_size(c.oid)) / 1048576.0)::int FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'm')")
    size_mb=$(( used_mb * 3 / 2 + 32 ))
    if mount -t tmpfs -o "size=${size_mb}m,mode=0755" tmpfs "$small" 2> "$work/mount.log"; then
        mkdir -p "$small/pg"
        [ "$(id -u)" -eq 0 ] && chown postgres "$small/pg"
        say "Tablespace on a ${size_mb} MB tmpfs ($used_mb MB of tables and indexes moved into it)"
        psql_as postgres -d melokal -c "CREATE TABLESPACE melokal_small LOCATION '$small/pg'" \
            -c "ALTER TABLE ALL IN TABLESPACE pg_default OWNED BY melokal SET TABLESPACE melokal_small" \
            -c "ALTER INDEX ALL IN TABLESPACE pg_default OWNED BY melokal SET TABLESPACE melokal_small" \
            -c "ALTER MATERIALIZED VIEW ALL IN TABLESPACE pg_default OWNED BY melokal SET TABLESPACE melokal_small"
    else
        echo "Skipping the disk-full fault: mounting a tmpfs is not permitted here ($(cat "$work/mount.log")); run as root with CAP_SYS_ADMIN." >&2
        disk_full=false
        if ! $pool; then exit 0; fi
    fi
fi

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

# One uncached page, every 0.25 s: its status and time, to time the 503 while the pool is held.
probe() {
    local n=0
    while true; do
        n=$((n + 1))
        printf '%s %s\n' "$(now_ms)" "$(curl -s -o /dev/null --max-time 20 -w '%{http_code} %{time_total}' "$url/produk?q=probe$n")" >> "$work/probe.txt" &
        sleep 0.25
    done
}

# The figures of the probe between two moments: 503s (median and longest time), failures, and
# how long after the second moment the last failure was sent.
probe_figures() {
    local from="$1" to="$2" back="$3"
    awk -v from="$from" -v to="$to" '$1 >= from && $1 < to' "$work/probe.txt" | sort -n > "$work/probe-window.txt"
    local times
    times=$(awk '$2 == 503 { print $3 }' "$work/probe-window.txt" | sort -g)
    awk -v back="$back" -v median="$(echo "$times" | awk 'NF { t[++n] = $1 } END { print n ? t[int((n + 1) / 2)] : 0 }')" \
        -v longest="$(echo "$times" | awk 'NF { t = $1 } END { print t + 0 }')" '
        { n++; if ($2 == 503) { u++ } else if ($2 != 200) { other++ } if ($2 != 200) { last = $1 } }
        END {
            printf "probe: %d requests, %d answered 503 (median %.2f s, longest %.2f s), %d other failures; last failure sent %.1f s after the pool was released\n",
                n, u, median, longest, other, (last > back ? (last - back) / 1000 : 0)
        }' "$work/probe-window.txt"
}

if $restarts; then
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
fi

if $pool; then
    sleep 15
    : > "$work/probe.txt"
    probe &
    probe_pid=$!
    sleep 2
    # A slow statement holds a lock every catalogue page needs: the requests that reach it keep
    # their pooled connection until it ends, and the pool (20) is soon all theirs.
    say "Pool held for 8 s (products locked by a slow transaction)"
    start=$(now_ms)
    psql_as postgres -d melokal -c "BEGIN" -c "LOCK TABLE products IN ACCESS EXCLUSIVE MODE" -c "SELECT pg_sleep(8)" -c "COMMIT" > /dev/null
    back=$(now_ms)
    echo "pool-held $start $back" >> "$events"
    sleep 10
    kill "$probe_pid" 2> /dev/null || true
    wait "$probe_pid" 2> /dev/null || true
    probe_pid=""
    sleep 3
    probe_figures "$start" "$(now_ms)" "$back" | tee "$work/probe-figures.txt"
    sleep 5
fi

if $disk_full; then
    sleep 15
    say "Disk full for 10 s (ballast fills the tablespace's tmpfs)"
    start=$(now_ms)
    dd if=/dev/zero of="$small/ballast" bs=1M > /dev/null 2>&1 || true
    say "  $(df -h --output=used,avail "$small" | tail -1 | awk '{print $1 " used, " $2 " free"}') on the tmpfs"
    sleep 10
    rm -f "$small/ballast"
    back=$(now_ms)
    echo "disk-full $start $back" >> "$events"
    say "  ballast removed"
fi

say "Waiting for the load to finish and check the database"
status=0
wait "$load_pid" || status=$?
load_pid=""
cat "$work/load.txt"
[ -f "$work/probe-figures.txt" ] && cat "$work/probe-figures.txt"
$disk_full && { echo "PostgreSQL on the full disk:"; grep -o "ERROR:.*No space left on device\|PANIC:.*" "$work/pg.log" | sed 's/"[^"]*"/"…"/' | sort | uniq -c | sort -rn | head -5; }
echo "Errors in the site log, by message:"; { grep " ERR\]" "$work/site.log" || true; } | sed "s/^[^]]*] [^ ]* //" | cut -c1-140 | sort | uniq -c | sort -rn | head -8
echo "Retried reads logged as warnings: $(grep -c 'The read runs again' "$work/site.log" || true)."
not_counted=$(grep -c "not counted" "$work/site.log" || true)
echo "Site log: $not_counted outbound clicks logged as not counted; $(grep -c ' ERR\]' "$work/site.log" || true) lines at Error; $(grep -c 'responded 500' "$work/site.log" || true) 'responded 500'."
exit "$status"
