#!/usr/bin/env bash
# Page weights for docs/performance.md: what a phone downloads on its first visit to each main
# shopper page, with the demo data. Makes a private PostgreSQL cluster, publishes the site in
# Release and runs it as deployed (Production, response compression as served), runs
# `bench pages`, then stops everything it started. About 10 minutes on 2 shared cores, most of
# it building.
#
#   bash tests/LocalProducts.Benchmarks/page-weights.sh [postgres port] [site port] [results folder]
#
# WEIGHTS_SKIP_BUILD=1 reuses the last publish and Release build (in $WEIGHTS_WORK).
set -euo pipefail

pg_port="${1:-18601}"
site_port="${2:-18602}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="${3:-$repo/tests/LocalProducts.Benchmarks/results/page-weights}"
work="${WEIGHTS_WORK:-/var/tmp/melokal-weights}"
url="http://127.0.0.1:$site_port"
say() { printf '\n== %s\n' "$*"; }

site_pid=""
cleanup() {
    if [ -n "$site_pid" ] && kill -0 "$site_pid" 2> /dev/null; then
        kill "$site_pid"
        wait "$site_pid" 2> /dev/null || true
    fi
    if [ -f "$work/pg/postmaster.pid" ]; then
        as_postgres pg_ctl -D "$work/pg" -m fast stop > /dev/null || true
    fi
}
trap cleanup EXIT

# initdb refuses to run as root: as root the server runs as the postgres user.
as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

say "PostgreSQL cluster in $work/pg on 127.0.0.1:$pg_port"
mkdir -p "$work"
rm -rf "$work/pg"
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_postgres initdb -D "$work/pg" -A trust -U postgres --no-sync > "$work/initdb.log"
as_postgres pg_ctl -D "$work/pg" -l "$work/pg/server.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg -c fsync=off -c full_page_writes=off" start > /dev/null
psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE melokal" postgres

if [ "${WEIGHTS_SKIP_BUILD:-0}" != 1 ]; then
    say "Publishing the site (Release) and building the benchmark tool"
    dotnet publish "$repo/src/LocalProducts.Web" -c Release -o "$work/site" -nologo -v quiet
    dotnet build "$repo/tests/LocalProducts.Benchmarks" -c Release -nologo -v quiet
fi

say "Starting the site on $url with the demo data"
(
    cd "$work/site"
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Database=melokal;Username=postgres" \
    ASPNETCORE_URLS="$url" \
    Site__PublicUrl="$url" \
    Seeding__LoadDemoData=true \
    Serilog__MinimumLevel__Default=Warning \
        exec dotnet LocalProducts.Web.dll
) > "$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 600); do
    if curl -sf -o /dev/null --max-time 2 "$url/health/ready"; then
        break
    fi
    if ! kill -0 "$site_pid" 2> /dev/null; then
        cat "$work/site.log" >&2
        echo "The site stopped at start-up." >&2
        exit 1
    fi
    sleep 0.5
done

# Two demo products for the shared list and the comparison; the maker of the first.
first="kopi-arabika-kintamani-natural-200g-batur"
second="kopi-arabika-kintamani-full-wash-200g-batur"
third="mukena-katun-jepang-bordir-sulapa"
pages=(
    "/"
    "/produk"
    "/produk?q=kopi"
    "/produk/$first"
    "/simpanan?p=$first,$second,$third"
    "/bandingkan?p=$first,$second"
    "/ikm/batur-sangrai-kintamani"
    "/kampanye/satu-dalam-kopi"
)
for page in "${pages[@]}"; do
    curl -sf -o /dev/null "$url$page" || { echo "$page does not answer 200 on the demo data." >&2; exit 1; }
done

say "Weighing ${#pages[@]} pages"
dotnet "$repo/tests/LocalProducts.Benchmarks/bin/Release/net10.0/LocalProducts.Benchmarks.dll" \
    bench pages --url "$url" --pages "${pages[*]}" --out "$out"
