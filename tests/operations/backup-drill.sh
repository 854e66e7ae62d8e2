#!/usr/bin/env bash
# The backup and restore drill of docs/operations.md ("Backups and restore"), end to end, on this
# machine and on loopback only (ports 18400-18449). It
#   1. starts a fresh PostgreSQL primary with WAL archiving and the site (Release) on it, which
#      loads the demo data;
#   2. takes a base backup (pg_basebackup) and a nightly-style dump (pg_dump -Fc) while a writer
#      inserts comments and images and updates products and posts;
#   3. notes a time, then deletes every comment and up to 50 products (the mistake to undo), and
#      runs the retention job of docs/operations.md on the backup folder;
#   (a) restores the base backup and the archived WAL into a fresh cluster, compares every table's
#       row count and a checksum of every table with the source, and starts the site on it;
#   (b) restores the dump into a fresh database and compares it with the source as the dump saw it
#       (the dump and the source's figures share one exported snapshot);
#   (c) restores the base backup to the noted time (recovery_target_time) and compares it with the
#       source just before the delete: the deleted comments are back.
# Prints a table (step, seconds, rows compared, OK/FAIL), exits non-zero on any mismatch, and
# removes everything it made. About 5 minutes on two busy cores.
#
#   bash tests/operations/backup-drill.sh [--keep] [--writer-seconds N]
#
# --keep              leave the work folder (clusters, backups, logs) in /var/tmp for a look
# --writer-seconds N  let the writer run N seconds before the backups start (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"

keep=0
writer_head_start=5
while [ $# -gt 0 ]; do
    case "$1" in
        --keep) keep=1 ;;
        --writer-seconds) writer_head_start="$2"; shift ;;
        *) echo "Unknown option $1 (use --keep, --writer-seconds N)" >&2; exit 2 ;;
    esac
    shift
done

readonly pg_bin=/usr/lib/postgresql/15/bin
readonly primary_port=18400 restore_port=18401 pitr_port=18402 site_port=18410
readonly site_url="http://127.0.0.1:$site_port"
export PGTZ=UTC PGCONNECT_TIMEOUT=5 PGAPPNAME=backup-drill
started=$(date +%s)
say() { printf '[%3ds] %s\n' $(( $(date +%s) - started )) "$*"; }
fail() { echo "backup-drill: $*" >&2; exit 1; }

[ -x "$pg_bin/pg_ctl" ] || fail "no PostgreSQL 15 server binaries in $pg_bin (apt-get install postgresql-15)"
if [ "$(id -u)" -eq 0 ]; then
    id postgres > /dev/null 2>&1 || fail "running as root needs the postgres system user (apt-get install postgresql-15)"
    as_pg() { runuser -u postgres -- "$@"; }
    owner=postgres
else
    as_pg() { "$@"; }
    owner="$(id -un)"
fi
for port in $primary_port $restore_port $pitr_port $site_port; do
    if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
        fail "something already listens on 127.0.0.1:$port: stop it first"
    fi
done

work="$(mktemp -d /var/tmp/melokal-backup-drill.XXXXXX)"
chmod 755 "$work"
# The backup folder laid out as docs/operations.md's /var/backups/melokal.
backups="$work/backups"
archive="$backups/wal"
base="$backups/base/$(date +%F)"
dump="$backups/dump/melokal-$(date +%F).dump"
mkdir -p "$archive" "$backups/base" "$backups/dump" "$work/logs"
chown -R "$owner" "$backups" "$work/logs"
superuser_password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
owner_password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
printf '%s\n' "$superuser_password" > "$work/pwfile"
chown "$owner" "$work/pwfile"
chmod 600 "$work/pwfile"
export PGUSER=postgres PGPASSWORD="$superuser_password" PGHOST=127.0.0.1

site_pid=""
writer_pid=""
snapshot_pid=""
clusters=()

stop_site() {
    if [ -n "$site_pid" ] && kill -0 "$site_pid" 2> /dev/null; then
        kill -TERM "$site_pid"
        for _ in $(seq 1 60); do
            kill -0 "$site_pid" 2> /dev/null || break
            sleep 0.5
        done
        kill -0 "$site_pid" 2> /dev/null && kill -KILL "$site_pid"
    fi
    [ -n "$site_pid" ] && { wait "$site_pid" 2> /dev/null || true; }
    site_pid=""
}

cleanup() {
    local status=$?
    [ -n "$writer_pid" ] && { touch "$work/stop-writer"; wait "$writer_pid" 2> /dev/null || true; }
    [ -n "$snapshot_pid" ] && { kill "$snapshot_pid" 2> /dev/null || true; wait "$snapshot_pid" 2> /dev/null || true; }
    stop_site
    for data in "${clusters[@]}"; do
        as_pg "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop > /dev/null 2>&1 || true
    done
    if [ "$keep" -eq 1 ]; then
        echo "Kept $work (clusters stopped)"
    else
        [ "$status" -eq 0 ] || echo "Run again with --keep to keep the logs and backups." >&2
        rm -rf "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sql() { # port database sql...: one statement, unaligned output, stops on error
    local port="$1" db="$2"
    shift 2
    psql -X -q -At -v ON_ERROR_STOP=1 -p "$port" -d "$db" -c "$*"
}

start_cluster() { # data port
    as_pg "$pg_bin/pg_ctl" -D "$1" -l "$work/logs/postgres-$2.log" -w -t 300 start > /dev/null \
        || { tail -20 "$work/logs/postgres-$2.log" >&2; fail "the cluster on port $2 did not start"; }
}

wait_promoted() { # port: archive recovery over, the server takes writes
    for _ in $(seq 1 600); do
        [ "$(sql "$1" postgres "SELECT pg_is_in_recovery()" 2> /dev/null)" = f ] && return 0
        sleep 0.5
    done
    fail "the cluster on port $1 stayed in recovery"
}

start_site() { # port label [database]
    say "Starting the site (Release) on the cluster at port $1"
    (
        cd "$repo/src/LocalProducts.Web"
        ASPNETCORE_ENVIRONMENT=Production \
        ASPNETCORE_URLS="$site_url" \
        Site__PublicUrl="$site_url" \
        ConnectionStrings__Default="Host=127.0.0.1;Port=$1;Database=${3:-melokal};Username=melokal;Password=$owner_password" \
        Seeding__LoadDemoData=true \
        Serilog__MinimumLevel__Default=Warning \
            exec dotnet bin/Release/net10.0/LocalProducts.Web.dll
    ) > "$work/logs/site-$2.log" 2>&1 &
    site_pid=$!
    for _ in $(seq 1 480); do
        if curl -sf -o /dev/null --max-time 2 "$site_url/health/ready"; then
            return 0
        fi
        kill -0 "$site_pid" 2> /dev/null || { tail -30 "$work/logs/site-$2.log" >&2; fail "the site stopped at start-up"; }
        sleep 0.5
    done
    fail "the site was not ready within 240 s"
}

# Status of the readiness probe and of a product page, "200 200" when both answer.
site_answers() { # port [database]
    local slug ready page
    slug="$(sql "$1" "${2:-melokal}" "SELECT slug FROM products WHERE state = 2 ORDER BY id LIMIT 1")"
    ready="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$site_url/health/ready")"
    page="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$site_url/produk/$slug")"
    echo "$ready $page"
}

# Every table of the public schema, one line each: name, persistence (p, or u for unlogged), row
# count, and an md5 over the md5 of each row's text (order-free, so no key is needed). One
# statement, so it can run inside a snapshot; query_to_xml runs the per-table query.
readonly figures_sql="
SELECT c.relname, c.relpersistence,
       (xpath('/row/n/text()', x))[1]::text, coalesce((xpath('/row/m/text()', x))[1]::text, '-')
FROM pg_class c
JOIN pg_namespace s ON s.oid = c.relnamespace
CROSS JOIN LATERAL query_to_xml(format(
    'SELECT count(*) AS n, md5(string_agg(h, '''' ORDER BY h)) AS m FROM (SELECT md5(t::text) AS h FROM %I.%I t) r',
    s.nspname, c.relname), false, true, '') AS x
WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p')
ORDER BY c.relname"

figures() { # port database file [snapshot]
    if [ -n "${4:-}" ]; then
        psql -X -q -At -F ' ' -v ON_ERROR_STOP=1 -p "$1" -d "$2" > "$3" <<SQL
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SET TRANSACTION SNAPSHOT '$4';
$figures_sql;
COMMIT;
SQL
    else
        psql -X -q -At -F ' ' -v ON_ERROR_STOP=1 -p "$1" -d "$2" -c "$figures_sql" > "$3"
    fi
    [ -s "$3" ] || fail "no figures from port $1 database $2"
}

# Compares two figure files; physical copies leave unlogged tables empty (PostgreSQL resets them
# after a crash or a restore), so for those only an empty table is expected. Sets compared_rows and
# prints each difference.
compare() { # source restored physical|logical label
    local mismatches=0 name persistence count sum r_persistence r_count r_sum
    compared_rows=0
    while read -r name persistence count sum; do
        read -r r_persistence r_count r_sum <<< "$(awk -v t="$name" '$1 == t { print $2, $3, $4 }' "$2")"
        if [ -z "$r_count" ]; then
            echo "  $4: table $name missing from the restore" >&2
            mismatches=$((mismatches + 1))
        elif [ "$persistence" = u ] && [ "$3" = physical ]; then
            if [ "$r_count" != 0 ]; then
                echo "  $4: unlogged table $name has $r_count rows after a physical restore (expected 0)" >&2
                mismatches=$((mismatches + 1))
            fi
        elif [ "$count" != "$r_count" ] || [ "$sum" != "$r_sum" ]; then
            echo "  $4: $name: source $count rows md5 $sum, restore $r_count rows md5 $r_sum" >&2
            mismatches=$((mismatches + 1))
        else
            compared_rows=$((compared_rows + count))
        fi
    done < "$1"
    if [ "$(wc -l < "$1")" != "$(wc -l < "$2")" ]; then
        echo "  $4: $(wc -l < "$1") tables in the source, $(wc -l < "$2") in the restore" >&2
        mismatches=$((mismatches + 1))
    fi
    return $(( mismatches > 0 ))
}

row_of() { awk -v t="$2" '$1 == t { print $3 }' "$1"; }
sum_of() { awk -v t="$2" '$1 == t { print $4 }' "$1"; }

results=()
failed=0
record() { # step seconds rows ok|FAIL detail
    results+=("$(printf '%-46s %7s %9s  %-4s %s' "$1" "$2" "$3" "$4" "$5")")
    [ "$4" = OK ] || failed=1
}

# Restores the base backup into a fresh data folder with the archive as restore_command.
restore_base_backup() { # data port [recovery settings...]
    local data="$1" port="$2"
    shift 2
    mkdir -p "$data"
    cp -a "$base/." "$data/"
    chown -R "$owner" "$data"
    chmod 700 "$data"
    rm -f "$data/postmaster.pid" "$data/postmaster.opts"
    {
        echo "port = $port"
        echo "archive_mode = off"
        echo "restore_command = 'cp $archive/%f %p'"
        for setting in "$@"; do echo "$setting"; done
    } >> "$data/postgresql.auto.conf"
    as_pg touch "$data/recovery.signal"
    clusters+=("$data")
    start_cluster "$data" "$port"
    wait_promoted "$port"
}

# ---------------------------------------------------------------------------------------------
# 0. The site, built in Release.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say "Building the site (Release)"
dotnet build src/LocalProducts.Web -c Release -nologo -v quiet > "$work/logs/build.log" 2>&1 \
    || { cat "$work/logs/build.log"; fail "the build failed"; }

# 1. A fresh primary with WAL archiving, the site's role and database, the demo data.
say "Starting a fresh primary on port $primary_port with WAL archiving to $archive"
step_start=$(date +%s)
primary="$work/primary"
mkdir -p "$primary"
chown "$owner" "$primary"
as_pg "$pg_bin/initdb" -D "$primary" -U postgres --pwfile "$work/pwfile" --auth scram-sha-256 \
    -E UTF8 --locale C.UTF-8 --no-instructions > "$work/logs/initdb.log"
cat >> "$primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = ''
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $archive/%f && cp %p $archive/%f.tmp && sync $archive/%f.tmp && mv $archive/%f.tmp $archive/%f'
max_wal_senders = 4
CONF
clusters+=("$primary")
start_cluster "$primary" "$primary_port"
sql $primary_port postgres "CREATE ROLE melokal LOGIN PASSWORD '$owner_password'" > /dev/null
sql $primary_port postgres "CREATE DATABASE melokal OWNER melokal" > /dev/null
sql $primary_port melokal "CREATE EXTENSION IF NOT EXISTS pg_trgm" > /dev/null
start_site $primary_port primary
record "1. primary + site + demo data" $(( $(date +%s) - step_start )) \
    "$(sql $primary_port melokal "SELECT count(*) FROM products")" OK "products loaded by the site"

# 2. A writer: one transaction a batch (20 comments; an image with four variants shown on a
# product; five products and one post updated; now and then a comment deleted) until told to stop.
writer() {
    local batches=0
    while [ ! -e "$work/stop-writer" ]; do
        psql -X -q -At -v ON_ERROR_STOP=1 -p $primary_port -d melokal > /dev/null <<'SQL' || return 1
BEGIN;
WITH p AS (SELECT array_agg(id) AS ids FROM posts)
INSERT INTO comments (post_id, author_name, text, state, address_hash, reports, created_at)
SELECT p.ids[1 + floor(random() * cardinality(p.ids))::int], 'Pembaca ' || g,
       'Komentar latihan cadangan ' || md5(random()::text), 2, md5(random()::text), 0, clock_timestamp()
FROM p, generate_series(1, 20) g;
WITH img AS (
    INSERT INTO stored_images (id, purpose, width, height, widths, share_width, content_hash, created_at)
    VALUES (gen_random_uuid(), 1, 800, 600, '{400,800}', 800, sha256(random()::text::bytea), clock_timestamp())
    RETURNING id),
variants AS (
    INSERT INTO stored_image_variants (image_id, format, width, height, byte_length, bytes)
    SELECT img.id, f, w, w * 3 / 4, octet_length(b.bytes), b.bytes
    FROM img, (VALUES (1), (2)) AS formats (f), (VALUES (400), (800)) AS widths (w),
         LATERAL (SELECT decode(string_agg(md5(random()::text || n || f || w), ''), 'hex') AS bytes
                  FROM generate_series(1, w) AS n) AS b
    RETURNING image_id)
INSERT INTO product_images (product_id, alt_text, sort_order, image_id)
SELECT (SELECT id FROM products ORDER BY random() LIMIT 1), 'Foto latihan cadangan', 9, id FROM img;
UPDATE products SET min_order = min_order % 20 + 1, updated_at = clock_timestamp()
WHERE id IN (SELECT id FROM products ORDER BY random() LIMIT 5);
UPDATE posts SET english_lead = 'Backup drill ' || md5(random()::text), updated_at = clock_timestamp()
WHERE id = (SELECT id FROM posts ORDER BY random() LIMIT 1);
DELETE FROM comments WHERE id = (SELECT min(id) FROM comments) AND random() < 0.2;
COMMIT;
SQL
        batches=$((batches + 1))
        echo "$batches" > "$work/writer-batches"
    done
}
say "Writer started: a transaction of inserts, updates and a delete, over and over"
echo 0 > "$work/writer-batches"
writer &
writer_pid=$!
sleep "$writer_head_start"
kill -0 "$writer_pid" 2> /dev/null || fail "the writer stopped"
[ "$(cat "$work/writer-batches")" -gt 0 ] || fail "the writer committed nothing in $writer_head_start s"

# 3. The base backup, under writes: the WAL it needs streams with it (-X stream), and the archive
# carries on from there.
say "pg_basebackup while writing"
step_start=$(date +%s)
batches_before=$(cat "$work/writer-batches" 2> /dev/null || echo 0)
as_pg "$pg_bin/pg_basebackup" -h 127.0.0.1 -p $primary_port -U postgres -D "$base" \
    -Fp -X stream -c fast --label "backup-drill" > "$work/logs/basebackup.log" 2>&1 \
    || { cat "$work/logs/basebackup.log"; fail "pg_basebackup failed"; }
as_pg "$pg_bin/pg_verifybackup" "$base" > "$work/logs/verifybackup.log" 2>&1 \
    || { cat "$work/logs/verifybackup.log"; fail "pg_verifybackup found a fault in the base backup"; }
batches_during=$(( $(cat "$work/writer-batches") - batches_before ))
record "2. pg_basebackup + pg_verifybackup" $(( $(date +%s) - step_start )) - OK \
    "$(du -sh "$base" | cut -f1), $batches_during write batches during it"

# 4. The dump, under writes. A session exports its snapshot; pg_dump dumps that snapshot and the
# source's figures are read in it, so both describe the same moment.
say "pg_dump -Fc while writing"
step_start=$(date +%s)
coproc SNAPSHOT { psql -X -q -At -v ON_ERROR_STOP=1 -p $primary_port -d melokal; }
snapshot_pid=$SNAPSHOT_PID
echo "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot();" >&"${SNAPSHOT[1]}"
read -t 30 -r snapshot <&"${SNAPSHOT[0]}" || fail "no snapshot exported"
batches_before=$(cat "$work/writer-batches")
pg_dump -h 127.0.0.1 -p $primary_port -d melokal -Fc --snapshot="$snapshot" -f "$dump"
batches_during=$(( $(cat "$work/writer-batches") - batches_before ))
figures $primary_port melokal "$work/source-dump.txt" "$snapshot"
echo "COMMIT;" >&"${SNAPSHOT[1]}"
exec {SNAPSHOT[1]}>&-
wait "$snapshot_pid" || true
snapshot_pid=""
record "3. pg_dump -Fc" $(( $(date +%s) - step_start )) - OK \
    "$(du -sh "$dump" | cut -f1), $batches_during write batches during it"
sleep 2

# 5. Writes stop; the site on the primary stops (its jobs write too). The figures before the
# mistake, the time, the mistake (every comment, and up to 50 products that have no sales
# reports, deleted), the figures after it.
touch "$work/stop-writer"
wait "$writer_pid" || fail "the writer failed"
writer_pid=""
say "Writer stopped after $(cat "$work/writer-batches") batches"
stop_site
figures $primary_port melokal "$work/source-before-delete.txt"
sleep 1
target_time="$(sql $primary_port postgres "SELECT clock_timestamp()")"
sleep 1
step_start=$(date +%s)
deleted_comments=$(sql $primary_port melokal "WITH d AS (DELETE FROM comments RETURNING 1) SELECT count(*) FROM d")
deleted_products=$(sql $primary_port melokal \
    "WITH d AS (DELETE FROM products WHERE id IN (SELECT id FROM products p WHERE NOT EXISTS
       (SELECT FROM sales_reports s WHERE s.product_id = p.id) ORDER BY id LIMIT 50) RETURNING 1) SELECT count(*) FROM d")
figures $primary_port melokal "$work/source-after-delete.txt"
say "At $target_time noted; then deleted $deleted_comments comments and $deleted_products products"
# The WAL segment holding the delete goes to the archive now rather than when it fills.
last_segment="$(sql $primary_port postgres "SELECT pg_walfile_name(pg_switch_wal())")"
for _ in $(seq 1 120); do
    archived="$(sql $primary_port postgres "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")"
    [ -n "$archived" ] && [[ ! "$archived" < "$last_segment" ]] && break
    sleep 0.5
done
[ -f "$archive/$last_segment" ] || fail "WAL segment $last_segment was not archived"

# 6. Retention as the operations note prunes it: WAL older than the oldest kept base backup goes.
# The restores below then prove that what is left is enough.
step_start=$(date +%s)
start_wal="$(sed -n 's/^START WAL LOCATION: .* (file \([0-9A-F]*\))$/\1/p' "$base/backup_label")"
[ -n "$start_wal" ] || fail "no START WAL LOCATION in the base backup's backup_label"
# A dump of 31 days ago, which the retention must delete.
old_dump="$backups/dump/melokal-$(date -d '31 days ago' +%F).dump"
cp "$dump" "$old_dump"
touch -d '31 days ago' "$old_dump"
chown -R "$owner" "$backups/dump"
segments_before=$(find "$archive" -type f -name '[0-9A-F]*' ! -name '*.*' | wc -l)
# The retention job of docs/operations.md, word for word.
retention='cd /var/backups/melokal && ls -1d base/*/ | head -n -7 | xargs -r rm -rf && oldest=$(ls -1d base/*/ | head -1) && pg_archivecleanup wal "$(sed -n '"'"'s/^START WAL LOCATION: .* (file \([0-9A-F]*\))$/\1/p'"'"' "$oldest/backup_label")" && find dump -name '"'"'melokal-*.dump'"'"' -mtime +30 -delete'
as_pg env PATH="$pg_bin:$PATH" bash -c "${retention//\/var\/backups\/melokal/$backups}"
segments_after=$(find "$archive" -type f -name '[0-9A-F]*' ! -name '*.*' | wc -l)
[ ! -e "$old_dump" ] && [ -f "$dump" ] && [ -f "$archive/$start_wal" ] && [ -d "$base" ] \
    && [ "$segments_after" -lt "$segments_before" ] && ok=OK || ok=FAIL
record "4. retention job (WAL, base backups, dumps)" $(( $(date +%s) - step_start )) - "$ok" \
    "kept $segments_after of $segments_before WAL segments (from $start_wal on), deleted the 31-day-old dump"

# (a) The base backup and every archived segment, into a fresh cluster; the site on it.
say "(a) Restoring the base backup + archived WAL on port $restore_port"
step_start=$(date +%s)
restore_base_backup "$work/restore" $restore_port
recovery_seconds=$(( $(date +%s) - step_start ))
figures $restore_port melokal "$work/restore-full.txt"
if compare "$work/source-after-delete.txt" "$work/restore-full.txt" physical "(a)"; then ok=OK; else ok=FAIL; fi
record "(a) base backup + WAL, replayed to the end" "$recovery_seconds" "$compared_rows" "$ok" \
    "$(wc -l < "$work/restore-full.txt") tables, all rows and checksums"
step_start=$(date +%s)
start_site $restore_port restore
read -r ready page <<< "$(site_answers $restore_port)"
stop_site
if [ "$ready" = 200 ] && [ "$page" = 200 ]; then ok=OK; else ok=FAIL; fi
record "(a) site on the restore" $(( $(date +%s) - step_start )) - "$ok" \
    "/health/ready $ready, product page $page"
as_pg "$pg_bin/pg_ctl" -D "$work/restore" -m fast -w stop > /dev/null

# (b) The dump, into a fresh database, compared with the source at the dump's snapshot.
say "(b) Restoring the dump into a fresh database melokal_dump"
step_start=$(date +%s)
sql $primary_port postgres "CREATE DATABASE melokal_dump OWNER melokal" > /dev/null
# The search_terms view's data are left out and refreshed after: its query (ts_stat over a string)
# names products without a schema, and pg_restore runs with an empty search_path.
pg_restore -l "$dump" | grep -v 'MATERIALIZED VIEW DATA' > "$work/melokal.list"
pg_restore -h 127.0.0.1 -p $primary_port -d melokal_dump --exit-on-error -j 2 \
    -L "$work/melokal.list" "$dump"
sql $primary_port melokal_dump "REFRESH MATERIALIZED VIEW public.search_terms" > /dev/null
restore_seconds=$(( $(date +%s) - step_start ))
figures $primary_port melokal_dump "$work/restore-dump.txt"
if compare "$work/source-dump.txt" "$work/restore-dump.txt" logical "(b)"; then ok=OK; else ok=FAIL; fi
record "(b) pg_dump -> pg_restore" "$restore_seconds" "$compared_rows" "$ok" \
    "$(wc -l < "$work/restore-dump.txt") tables, all rows and checksums"
step_start=$(date +%s)
start_site $primary_port dump melokal_dump
read -r ready page <<< "$(site_answers $primary_port melokal_dump)"
stop_site
if [ "$ready" = 200 ] && [ "$page" = 200 ]; then ok=OK; else ok=FAIL; fi
record "(b) site on the restored dump" $(( $(date +%s) - step_start )) - "$ok" \
    "/health/ready $ready, product page $page"

# (c) Point in time: the base backup again, replayed only up to the noted time.
say "(c) Restoring to $target_time (before the delete) on port $pitr_port"
step_start=$(date +%s)
restore_base_backup "$work/pitr" $pitr_port "recovery_target_time = '$target_time'" "recovery_target_action = 'promote'"
recovery_seconds=$(( $(date +%s) - step_start ))
figures $pitr_port melokal "$work/restore-pitr.txt"
if compare "$work/source-before-delete.txt" "$work/restore-pitr.txt" physical "(c)"; then ok=OK; else ok=FAIL; fi
comments_back="$(row_of "$work/restore-pitr.txt" comments)"
products_back="$(row_of "$work/restore-pitr.txt" products)"
if [ "$comments_back" != "$(row_of "$work/source-before-delete.txt" comments)" ] \
    || [ "$products_back" != "$(row_of "$work/source-before-delete.txt" products)" ] \
    || [ "$(row_of "$work/source-after-delete.txt" comments)" != 0 ]; then
    ok=FAIL
fi
record "(c) recovery_target_time before the delete" "$recovery_seconds" "$compared_rows" "$ok" \
    "comments $(row_of "$work/source-after-delete.txt" comments) -> $comments_back, products $(row_of "$work/source-after-delete.txt" products) -> $products_back"

# The result.
echo
printf '%-46s %7s %9s  %-4s %s\n' step seconds rows ok? detail
for line in "${results[@]}"; do echo "$line"; done
echo
for table in products stored_images stored_image_variants product_images posts comments; do
    printf '%-22s source %6s rows md5 %s\n' "$table" "$(row_of "$work/source-before-delete.txt" $table)" \
        "$(sum_of "$work/source-before-delete.txt" $table)"
done
echo
echo "Total $(( $(date +%s) - started )) s; write batches committed: $(cat "$work/writer-batches")."
if [ "$failed" -ne 0 ]; then
    echo "FAIL: a restore differs from its source (see above)." >&2
    exit 1
fi
echo "OK: every restore matches its source."
