#!/usr/bin/env bash
# The benchmarks of docs/performance.md, end to end, on this machine and on loopback only:
# installs wrk if missing (as root), makes or reuses the 100,000-product database in an embedded
# cluster, publishes the site (Release), runs it with the output cache off and then on, measures
# search latency (open loop), throughput (wrk), page weight and the search's plans, stops everything
# it started (the PostgreSQL cluster too) and writes results/latest.md. About 12 minutes.
#
#   bash tests/LocalProducts.Benchmarks/run-benchmarks.sh [--regenerate] [--folder /var/tmp/melokal-bench] [--quick]
#
# --regenerate  generate the data again even when the folder already holds 10,000 IKM and 100,000 products
# --quick       a smoke test of the script: 3 s per measurement instead of 20 s (latency) and 15 s (wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."

folder=/var/tmp/melokal-bench
regenerate=0
latency_seconds=20
latency_warmup=5
wrk_seconds=15
wrk_warmup=5
while [ $# -gt 0 ]; do
    case "$1" in
        --regenerate) regenerate=1 ;;
        --folder) folder="$2"; shift ;;
        --quick) latency_seconds=3; latency_warmup=1; wrk_seconds=3; wrk_warmup=1 ;;
        *) echo "Unknown option $1 (use --regenerate, --folder DIR, --quick)" >&2; exit 2 ;;
    esac
    shift
done

readonly want_ikm=10000 want_products=100000
readonly port=5090 url="http://127.0.0.1:5090"
readonly wrk_args="-t2 -c32 -d${wrk_seconds}s --latency"
project=tests/LocalProducts.Benchmarks
results="$project/results"
raw="$results/raw"
work="$(mktemp -d /tmp/melokal-bench-run.XXXXXX)"
bench=(dotnet "$project/bin/Release/net10.0/LocalProducts.Benchmarks.dll" bench)
site_pid=""
cluster_up=0
started=$(date +%s)

say() { printf '[%3ds] %s\n' $(( $(date +%s) - started )) "$*"; }

stop_site() {
    if [ -n "$site_pid" ] && kill -0 "$site_pid" 2> /dev/null; then
        kill -TERM "$site_pid"
        for _ in $(seq 1 60); do
            kill -0 "$site_pid" 2> /dev/null || break
            sleep 0.5
        done
        kill -0 "$site_pid" 2> /dev/null && kill -KILL "$site_pid"
        wait "$site_pid" 2> /dev/null || true
    fi
    site_pid=""
}

cleanup() {
    stop_site
    if [ "$cluster_up" -eq 1 ]; then
        "${bench[@]}" cluster --embedded "$folder" --stop || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Tools: wrk and curl, from Debian's packages.
missing=()
command -v wrk > /dev/null || missing+=(wrk)
command -v curl > /dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing: ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    say "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
if curl -s -o /dev/null --max-time 2 "$url/"; then
    echo "Something already answers on $url: stop it first." >&2
    exit 1
fi

# 2. The benchmark tool (Release).
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say "Building the benchmark tool"
dotnet build "$project" -c Release -nologo -v quiet > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
rm -rf "$raw"
mkdir -p "$raw"

# 3. The data: reuse the folder when it already holds the full catalogue.
say "Starting the embedded cluster in $folder"
cluster_up=1
info="$(timeout 300 "${bench[@]}" cluster --embedded "$folder")"
field() { printf '%s\n' "$info" | sed -n "s/^$1=//p"; }
if [ "$regenerate" -eq 1 ] || [ "$(field ikm)" != "$want_ikm" ] || [ "$(field products)" != "$want_products" ]; then
    say "Generating $want_ikm IKM and $want_products products (found $(field ikm) and $(field products))"
    timeout 900 dotnet "$project/bin/Release/net10.0/LocalProducts.Benchmarks.dll" generate --embedded "$folder" --keep-running
    info="$(timeout 300 "${bench[@]}" cluster --embedded "$folder")"
else
    say "Reusing the data: $(field ikm) IKM, $(field products) products"
fi
connection="$(field connection)"
slug="$(field slug)"

# 3b. Melokal rounds: a 100,000-row CSV import and a 1,000-influencer ranking, in this process
# against the same cluster (the rounds it makes are deleted afterwards). Alone:
#   dotnet tests/LocalProducts.Benchmarks/bin/Release/net10.0/LocalProducts.Benchmarks.dll bench melokal --embedded /var/tmp/melokal-bench-melokal
say "Melokal: import of 100,000 rows and ranking of 1,000 influencers"
timeout 900 "${bench[@]}" melokal --connection "$connection" --out "$raw" | tee "$raw/melokal.txt"

# 4. The site, published in Release.
say "Publishing the site"
dotnet publish src/LocalProducts.Web -c Release -o "$work/site" -nologo -v quiet > "$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }

start_site() {
    # on: output cache and search cache; off: search cache only (as deployed minus the output
    # cache); cold: neither, every request computes its page.
    local cache="$1" enabled search_seconds
    enabled=$([ "$cache" = on ] && echo true || echo false)
    search_seconds=$([ "$cache" = cold ] && echo 0 || echo 60)
    say "Starting the site, OutputCache__Enabled=$enabled CatalogueCache__Seconds=$search_seconds"
    # From its publish folder, its content root: static assets are found relative to it.
    (
        cd "$work/site"
        ASPNETCORE_ENVIRONMENT=Benchmark \
        ConnectionStrings__Default="$connection" \
        ASPNETCORE_URLS="$url" \
        Site__PublicUrl="$url" \
        Serilog__MinimumLevel__Default=Warning \
        OutputCache__Enabled="$enabled" \
        CatalogueCache__Seconds="$search_seconds" \
            exec dotnet LocalProducts.Web.dll
    ) > "$raw/site-cache-$cache.log" 2>&1 &
    site_pid=$!
    for _ in $(seq 1 240); do
        if curl -sf -o /dev/null --max-time 2 "$url/health/ready"; then
            return 0
        fi
        if ! kill -0 "$site_pid" 2> /dev/null; then
            cat "$raw/site-cache-$cache.log" >&2
            echo "The site stopped at start-up." >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "The site was not ready within 120 s." >&2
    exit 1
}

run_wrk() {
    local cache="$1" name path
    for name in plain fortunes search product; do
        case "$name" in
            plain) path=/bench/plain ;;
            fortunes) path=/bench/fortunes ;;
            search) path="/produk?q=kopi" ;;
            product) path="/produk/$slug" ;;
        esac
        curl -sf -o /dev/null --max-time 10 "$url$path" || { echo "GET $path failed before wrk" >&2; exit 1; }
        say "wrk $name ($path), cache $cache"
        wrk -t2 -c32 -d"${wrk_warmup}s" "$url$path" > /dev/null
        timeout $((wrk_seconds + 30)) wrk $wrk_args -s "$project/wrk-report.lua" "$url$path" > "$raw/wrk-$cache-$name.txt"
        sed -n 's/^JSON //p' "$raw/wrk-$cache-$name.txt" > "$raw/wrk-$cache-$name.json"
        grep -E "Requests/sec|Non-2xx|Socket errors" "$raw/wrk-$cache-$name.txt" | sed 's/^/      /'
    done
}

# 5. Cache off: latency (in the database and end to end), weight, plans, then wrk.
start_site off
say "Latency: 5 queries x ${latency_seconds} s at 50 requests/s, in the database and end to end"
timeout 1200 "${bench[@]}" latency --connection "$connection" --url "$url" --slug "$slug" --out "$raw" \
    --rate 50 --seconds "$latency_seconds" --warmup "$latency_warmup"
say "Page weight of /produk/$slug"
timeout 120 "${bench[@]}" weight --url "$url" --slug "$slug" --out "$raw"
say "EXPLAIN of the search's statements"
timeout 300 "${bench[@]}" explain --connection "$connection" --out "$raw"
run_wrk off
stop_site

# 6. Nothing cached: end-to-end latency and wrk again, every request computing its page.
start_site cold
say "Latency end to end with nothing cached: 5 queries x ${latency_seconds} s at 50 requests/s"
timeout 1200 "${bench[@]}" latency --connection "$connection" --url "$url" --slug "$slug" --out "$raw/cold" \
    --rate 50 --seconds "$latency_seconds" --warmup "$latency_warmup" --mode http
run_wrk cold
stop_site

# 7. Cache on: wrk again.
start_site on
run_wrk on
stop_site

# 8. What ran where, then the report.
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
package() { sed -n "s/.*Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" Directory.Packages.props; }
{
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine=$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GB memory, Linux $(uname -r)"
    echo "dotnet=SDK $(dotnet --version), $(dotnet --list-runtimes | grep AspNetCore | tail -1 | cut -d' ' -f1-2)"
    echo "postgresql=$("$pg_bin/postgres" --version) (embedded cluster: shared_buffers and the rest at initdb defaults, fsync on)"
    echo "wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-3)"
    echo "packages=Npgsql $(package Npgsql), Npgsql.EntityFrameworkCore.PostgreSQL $(package Npgsql.EntityFrameworkCore.PostgreSQL), EF Core $(package Microsoft.EntityFrameworkCore)"
    echo "connection=Npgsql defaults (pooling on) plus Max Pool Size 20, Max Auto Prepare 64 and Auto Prepare Min Usages 2 (AppDbContext.TunedConnectionString)"
    echo "data=$(field ikm) IKM, $(field products) generated products (seed 20261123), product page /produk/$slug"
    echo "latency=50 requests/s open loop, ${latency_seconds} s per query after ${latency_warmup} s of warm-up"
    echo "wrk_args=$wrk_args"
    echo "wrk_warmup=${wrk_warmup} s (wrk -t2 -c32)"
} > "$raw/env.txt"
"${bench[@]}" report --results "$raw" --markdown "$results/latest.md"
say "Done: $results/latest.md"
