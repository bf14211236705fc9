#!/usr/bin/env bash
# The first reader after a deployment, as a browser sees it (issue 11): from the portal's process start, on a fresh
# SQLite database, to the load event of a help page in Chromium (the page and everything it loads). startup-time.sh
# times the page's HTML alone; this also shows what waits for the database (a style sheet that did would hold the
# page back). The portal is published once (Release, as shipped), then started RUNS times.
#
#   tests/Withings.Portal.Benchmarks/load/first-visit.sh                   # RUNS=5 PAGE=/faq/invalid-code
#   PUBLISHED=/path/to/publish tests/Withings.Portal.Benchmarks/load/first-visit.sh
#
# Needs Debian's chromium (/usr/bin/chromium) and node + npm (installs playwright-core into a temporary folder).
# Loopback only; bounded: the whole script stops after MAX_SECONDS, and the portal and the browser it started stop with it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=tests/Withings.Portal.Benchmarks/load

RUNS=${RUNS:-5}
PAGE=${PAGE:-/faq/invalid-code}
MAX_SECONDS=${MAX_SECONDS:-900}
PORT=5317

work=$(mktemp -d)
child_pid=""
watchdog_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$child_pid" ] && kill "$child_pid" 2>/dev/null && wait "$child_pid" 2>/dev/null || true
  [ -n "$watchdog_pid" ] && kill "$watchdog_pid" 2>/dev/null || true
  rm -rf "$work"
}
. tests/Withings.Portal.Benchmarks/load/common.sh
stop_after "$MAX_SECONDS"

cp "$here/first-visit.mjs" "$work/"
(cd "$work" && npm init -y >/dev/null && npm install --silent playwright-core@1.64.1 >/dev/null)

publish_unless_given

echo
echo "first visit of $PAGE in Chromium, fresh SQLite database each run, $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
node "$work/first-visit.mjs" "$(cd "$published" && pwd)" "$(pwd)/content" "$PAGE" "$RUNS" "$PORT" >"$work/times" &
child_pid=$!
wait "$child_pid"
child_pid=""
echo "| run | process start to the load event |"
echo "|---|---|"
awk '{ printf "| %s | %s ms |\n", $1, $2 }' "$work/times"
echo "load event: median $(cut -d' ' -f2 "$work/times" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }') ms, max $(cut -d' ' -f2 "$work/times" | sort -n | tail -1) ms"
