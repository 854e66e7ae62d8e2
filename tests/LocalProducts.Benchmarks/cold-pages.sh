#!/usr/bin/env bash
# Cold pages: the product page and the search page under a long-tailed mix (Zipf-like over
# 20,000 published products in a fixed random order, and over the catalogue's 5,000 most common
# search words, most common first), beside /bench/fortunes, with the caches off, then on.
#
#   bash tests/LocalProducts.Benchmarks/cold-pages.sh [--folder /var/tmp/melokal-bench] [--port 5090] [--seconds 15] [--site DIR] [--no-build] [--caches "cold off on"]
#
# Needs the embedded cluster of `generate --embedded <folder> --keep-running` (or one `bench
# cluster --embedded <folder>` can start); leaves it running. Publishes the site (or uses the
# publish folder given with --site; --no-build uses the benchmark tool as last built), starts it on 127.0.0.1:<port> with ASPNETCORE_ENVIRONMENT=
# Benchmark three times: cold (OutputCache__Enabled=false, CatalogueCache__Seconds=0), off (search
# cache 60 s, output cache off), on (both on), runs wrk -t2 -c32 on fortunes and the two mixes
# (longtail.lua) and prints requests/s, the ratios to fortunes and the caches' hit rates in the mix.
set -euo pipefail
folder=/var/tmp/melokal-bench
port=5090
seconds=15
site_dir=""
build=1
caches="cold off on"
while [ $# -gt 0 ]; do
    case "$1" in
        --folder) folder="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --site) site_dir="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        --caches) caches="$2"; shift 2 ;;
        *) echo "Unknown option $1" >&2; exit 2 ;;
    esac
done
cd "$(dirname "$0")/../.."
project=tests/LocalProducts.Benchmarks
url="http://127.0.0.1:$port"
work="$(mktemp -d /var/tmp/cold-pages.XXXXXX)"
site_pid=""
stop_site() {
    if [ -n "$site_pid" ] && kill -0 "$site_pid" 2> /dev/null; then
        kill "$site_pid"; wait "$site_pid" 2> /dev/null || true
    fi
    site_pid=""
}
trap stop_site EXIT
say() { printf '\n== %s (%s, load %s)\n' "$1" "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

if [ "$build" -eq 1 ]; then
    dotnet build "$project" -c Release -nologo -v quiet > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi
info="$(timeout 300 dotnet "$project/bin/Release/net10.0/LocalProducts.Benchmarks.dll" bench cluster --embedded "$folder")"
connection="$(printf '%s\n' "$info" | sed -n 's/^connection=//p')"
cs() { printf '%s\n' "$connection" | tr ';' '\n' | sed -n "s/^$1=//p"; }
export PGHOST="$(cs Host)" PGPORT="$(cs Port)" PGUSER="$(cs Username)" PGPASSWORD="$(cs Password)" PGDATABASE="$(cs Database)"

# The mixes: published products in a fixed pseudo-random order (rank 1 the most viewed), and
# search words by how many products have them (the most common words the most searched).
psql -X -At -c "SELECT '/produk/' || slug FROM products WHERE state = 2 ORDER BY md5(slug) LIMIT 20000" > "$work/products.txt"
psql -X -At -c "SELECT '/produk?q=' || word FROM search_terms WHERE word ~ '^[a-z]{3,}$' ORDER BY ndoc DESC, word LIMIT 5000" > "$work/search.txt"
echo "mixes: $(wc -l < "$work/products.txt") product pages, $(wc -l < "$work/search.txt") search words (Zipf s=1)"

if [ -z "$site_dir" ]; then
    site_dir="$work/site"
    dotnet publish src/LocalProducts.Web -c Release -o "$site_dir" -nologo -v quiet > "$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
fi

start_site() {
    local cache="$1" enabled search_seconds
    enabled=$([ "$cache" = on ] && echo true || echo false)
    search_seconds=$([ "$cache" = cold ] && echo 0 || echo 60)
    (
        cd "$site_dir"
        ASPNETCORE_ENVIRONMENT=Benchmark ConnectionStrings__Default="$connection" ASPNETCORE_URLS="$url" \
        Site__PublicUrl="$url" Serilog__MinimumLevel__Default=Warning \
        OutputCache__Enabled="$enabled" CatalogueCache__Seconds="$search_seconds" exec dotnet LocalProducts.Web.dll
    ) > "$work/site-$cache.log" 2>&1 &
    site_pid=$!
    for _ in $(seq 1 240); do
        curl -sf -o /dev/null --max-time 2 "$url/health/ready" && return 0
        kill -0 "$site_pid" 2> /dev/null || { cat "$work/site-$cache.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "The site was not ready within 120 s." >&2; exit 1
}

rate() { sed -n 's/^JSON //p' "$1" | sed -E 's/.*"requests":([0-9]+),"durationUs":([0-9]+).*/\1 \2/' | awk '{ printf "%.0f", $1 / ($2 / 1e6) }'; }
field() { sed -n 's/^JSON //p' "$1" | sed -E "s/.*\"$2\":([0-9]+).*/\\1/"; }

printf '%s\n' "| caches | fortunes req/s | product mix req/s | ÷ fortunes | search mix req/s | ÷ fortunes | output-cache hits product / search | repeats in the mix product / search | non-2xx |" > "$work/table.md"
printf '%s\n' "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" >> "$work/table.md"
for cache in $caches; do
    say "Site with caches $cache"
    start_site "$cache"
    wrk -t2 -c32 -d5s "$url/bench/fortunes" > /dev/null
    timeout $((seconds + 30)) wrk -t2 -c32 -d"${seconds}s" --latency -s "$project/wrk-report.lua" "$url/bench/fortunes" > "$work/wrk-$cache-fortunes.txt"
    for mix in products search; do
        LONGTAIL_PATHS="$work/$mix.txt" wrk -t2 -c32 -d5s -s "$project/longtail.lua" "$url" > /dev/null
        LONGTAIL_PATHS="$work/$mix.txt" timeout $((seconds + 30)) wrk -t2 -c32 -d"${seconds}s" --latency -s "$project/longtail.lua" "$url" > "$work/wrk-$cache-$mix.txt"
    done
    stop_site
    f=$(rate "$work/wrk-$cache-fortunes.txt"); p=$(rate "$work/wrk-$cache-products.txt"); s=$(rate "$work/wrk-$cache-search.txt")
    hp=$(awk -v h="$(field "$work/wrk-$cache-products.txt" outputCacheHits)" -v n="$(field "$work/wrk-$cache-products.txt" responses)" 'BEGIN { printf "%.1f %%", 100 * h / n }')
    hs=$(awk -v h="$(field "$work/wrk-$cache-search.txt" outputCacheHits)" -v n="$(field "$work/wrk-$cache-search.txt" responses)" 'BEGIN { printf "%.1f %%", 100 * h / n }')
    rp=$(awk -v h="$(field "$work/wrk-$cache-products.txt" repeatsPerThread)" -v n="$(field "$work/wrk-$cache-products.txt" sent)" 'BEGIN { printf "%.1f %%", 100 * h / n }')
    rs=$(awk -v h="$(field "$work/wrk-$cache-search.txt" repeatsPerThread)" -v n="$(field "$work/wrk-$cache-search.txt" sent)" 'BEGIN { printf "%.1f %%", 100 * h / n }')
    bad=$(( $(field "$work/wrk-$cache-products.txt" non2xx) + $(field "$work/wrk-$cache-search.txt" non2xx) ))
    awk -v c="$cache" -v f="$f" -v p="$p" -v s="$s" -v hp="$hp" -v hs="$hs" -v rp="$rp" -v rs="$rs" -v b="$bad" \
        'BEGIN { printf "| %s | %d | %d | %.1f %% | %d | %.1f %% | %s / %s | %s / %s | %d |\n", c, f, p, 100 * p / f, s, 100 * s / f, hp, hs, rp, rs, b }' >> "$work/table.md"
    tail -1 "$work/table.md"
done
say "Done; raw wrk output in $work"
cat "$work/table.md"
