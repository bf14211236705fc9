#!/usr/bin/env bash
# Memory per idle circuit (issue 11): open N tabs of a page in Chromium, let them sit idle, force a full garbage
# collection in the portal and read its managed heap and its resident memory; compare with the same measure before the
# tabs were opened. A static page (help, paste box, topic) must cost nothing per tab; an interactive page costs one
# circuit per tab.
#
#   tests/Withings.Portal.Benchmarks/load/circuit-memory.sh                       # N=200, /troubleshoot then /playground
#   N=1000 PAGES="/playground" tests/Withings.Portal.Benchmarks/load/circuit-memory.sh
#   PUBLISHED=/path/to/publish ...                                                  # measure an existing publish
#
# Needs: Debian's chromium (/usr/bin/chromium), node + npm (installs playwright-core into a temporary folder), and
# dotnet-gcdump / dotnet-counters (installed into a temporary tool path). Loopback only; bounded: the whole script stops
# after MAX_SECONDS and stops the portal and the browser it started.
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=tests/Withings.Portal.Benchmarks/load

N=${N:-200}
PAGES=${PAGES:-"/troubleshoot /playground"}
MARKER=${MARKER:-"[data-interactive=true]"}
MAX_SECONDS=${MAX_SECONDS:-1800}
PORT=5316
BASE="http://127.0.0.1:$PORT"

work=$(mktemp -d)
portal_pid=""
browser_pid=""
watchdog_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$watchdog_pid" ] && kill "$watchdog_pid" 2>/dev/null || true
  [ -n "$browser_pid" ] && kill "$browser_pid" 2>/dev/null || true
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM
( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
  sleep "$MAX_SECONDS" & sleeper=$!
  wait "$sleeper"
  echo "time limit of ${MAX_SECONDS}s reached, stopping" >&2
  kill -TERM $$ ) &
watchdog_pid=$!

echo "installing the measuring tools ..." >&2
dotnet tool install dotnet-gcdump --tool-path "$work/tools" --version 10.0.750501 >/dev/null
dotnet tool install dotnet-counters --tool-path "$work/tools" --version 10.0.750501 >/dev/null
cp "$here/open-tabs.mjs" "$work/"
(cd "$work" && npm init -y >/dev/null && npm install --silent playwright-core@1.64.1 >/dev/null)

published=${PUBLISHED:-}
if [ -z "$published" ]; then
  echo "publishing the portal (Release) ..." >&2
  published="$work/portal"
  timeout 900 dotnet publish src/Withings.Portal -c Release -o "$published" --nologo -v quiet -nodeReuse:false -p:UseSharedCompilation=false >/dev/null
fi

# Managed heap after a forced full collection (a heap snapshot induces one), and resident memory, of the portal.
measure() {
  "$work/tools/dotnet-gcdump" collect -p "$portal_pid" -o "$work/heap.gcdump" >/dev/null 2>&1
  rm -f "$work/counters.csv"
  "$work/tools/dotnet-counters" collect -p "$portal_pid" --counters System.Runtime --format csv -o "$work/counters.csv" --duration 00:00:02 >/dev/null 2>&1
  local heap rss
  heap=$(grep 'dotnet.gc.last_collection.heap.size' "$work/counters.csv" | awk -F, '{ sum[$3] = $5 } END { for (k in sum) t += sum[k]; print int(t) }')
  rss=$(awk '/VmRSS/ { print $2 * 1024 }' "/proc/$portal_pid/status")
  echo "$heap $rss"
}

echo
echo "published portal, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F), $N idle tabs per page"
echo "| page | circuits opened | managed heap before → after | per tab | resident memory before → after | per tab |"
echo "|---|---|---|---|---|---|"
for page in $PAGES; do
  data=$(mktemp -d -p "$work")
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Portal="Data Source=$data/portal.db" Content__Root="$PWD/content" \
  Logging__LogLevel__Default=Warning \
    "$published/Withings.Portal" --urls "$BASE" --contentRoot "$published" >"$data/portal.log" 2>&1 &
  portal_pid=$!
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$page" || true)" = 200 ] && break
    sleep 0.5
  done
  # One tab first, so the before figure includes everything a first visit loads once.
  marker=""
  curl -s "$BASE$page" | grep -q 'data-interactive' && marker="$MARKER"
  coproc TABS { node "$work/open-tabs.mjs" "$BASE" "$page" 1 "$marker"; }
  browser_pid=$TABS_PID
  read -r _ <&"${TABS[0]}"
  sleep 3
  read -r heap_before rss_before < <(measure)
  echo >&"${TABS[1]}"; wait "$browser_pid" || true

  coproc TABS { node "$work/open-tabs.mjs" "$BASE" "$page" "$((N + 1))" "$marker"; }
  browser_pid=$TABS_PID
  read -r _ circuits <&"${TABS[0]}"
  sleep 10
  read -r heap_after rss_after < <(measure)
  echo >&"${TABS[1]}"; wait "$browser_pid" || true
  browser_pid=""

  awk -v p="$page" -v c="$circuits" -v hb="$heap_before" -v ha="$heap_after" -v rb="$rss_before" -v ra="$rss_after" -v n="$N" 'BEGIN {
    printf "| %s | %d | %.1f MB → %.1f MB | **%.0f KB** | %.0f MB → %.0f MB | %.0f KB |\n", p, c, hb/1048576, ha/1048576, (ha-hb)/n/1024, rb/1048576, ra/1048576, (ra-rb)/n/1024 }'
  kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true
  portal_pid=""
done
