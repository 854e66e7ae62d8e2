#!/usr/bin/env bash
# The README's test command: installs what a fresh Debian machine lacks for the tests (when run
# as root), checks formatting and warnings, runs every test project, and ends with the totals
# over all of them on one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" > /dev/null; then missing+=(postgresql); fi
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then missing+=(chromium); fi
if ! command -v npm > /dev/null; then missing+=(npm); fi
# The multi-instance tests put nginx in front of three instances (tests/cluster/run-cluster.sh).
if ! command -v nginx > /dev/null && [ ! -x /usr/sbin/nginx ]; then missing+=(nginx); fi
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing for the tests: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing ${missing[*]} from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore > /dev/null
dotnet restore LocalProducts.sln --verbosity quiet
dotnet build LocalProducts.sln --no-restore --configuration Release --verbosity quiet -nologo
dotnet format LocalProducts.sln --no-restore --verify-no-changes --verbosity quiet

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
# One test project at a time (-m:1): on two cores the browser tests' page loads starved beside
# the integration tests' sites, and a load event waited past Playwright's 30 s.
dotnet test LocalProducts.sln --no-build --configuration Release -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One summary line per test project: "Passed!  - Failed: 0, Passed: 54, Skipped: 0, Total: 54, ..."
awk '/(Passed|Failed)! +- +Failed:/ {
        for (i = 1; i <= NF; i++) {
            if ($i == "Failed:")  { gsub(",", "", $(i+1)); failed  += $(i+1) }
            if ($i == "Passed:")  { gsub(",", "", $(i+1)); passed  += $(i+1) }
            if ($i == "Skipped:") { gsub(",", "", $(i+1)); skipped += $(i+1) }
        }
        projects++
     }
     END {
        if (projects == 0) { print "0 passed, 0 failed"; exit }
        printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
     }' "$log"
exit "$status"
