#!/usr/bin/env bash
# Memory per idle circuit (issue 11): open N tabs of a page in Chromium, let them sit idle, force a full garbage
# collection in the portal and read its managed heap and its resident memory; compare with the same measure before the
# tabs were opened. A static page (help, paste box, topic, the playground without a linked user) must cost nothing per
# tab; an interactive page costs one circuit per tab.
#
#   tests/Withings.Portal.Benchmarks/load/circuit-memory.sh     # N=200: the pages below, then the framework's floor
#   N=1000 PAGES="/playground+subscribed" FLOOR=0 MAX_SECONDS=5400 tests/Withings.Portal.Benchmarks/load/circuit-memory.sh
#   PUBLISHED=/path/to/publish ...                               # measure an existing publish
#   KEEP=/some/folder ...                                        # keep each heap snapshot (before/after) to read with
#                                                                # dotnet-gcdump report
#
# A page ending in "+link" is opened by a visitor with a linked user: the browser first runs the playground's flow
# (authorize2 URL, the sandbox's consent as the demo user, the callback), then opens the tabs with that cookie; "+subscribed"
# also subscribes that user's inbox first, so /playground hosts its deliveries island (one circuit per tab).
# FLOOR=1 (the default) also measures the smallest Blazor app with one trivial island and no MudBlazor
# (tests/Withings.Portal.Benchmarks/CircuitFloor): what the framework itself keeps per circuit on this machine.
#
# Needs: Debian's chromium (/usr/bin/chromium), node + npm (installs playwright-core into a temporary folder), and
# dotnet-gcdump / dotnet-counters (installed into a temporary tool path). Loopback only; bounded: the whole script stops
# after MAX_SECONDS and stops the portal and the browser it started.
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=tests/Withings.Portal.Benchmarks/load

N=${N:-200}
PAGES=${PAGES:-"/troubleshoot /playground /playground+link /sample-data+link"}
FLOOR=${FLOOR:-1}
MARKER=${MARKER:-"[data-interactive=true]"}
MAX_SECONDS=${MAX_SECONDS:-3600}
KEEP=${KEEP:-}
PORT=5316
BASE="http://127.0.0.1:$PORT"

work=$(mktemp -d)
portal_pid=""
browser_pid=""
child_pid=""
watchdog_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$child_pid" ] && kill "$child_pid" 2>/dev/null || true
  [ -n "$watchdog_pid" ] && kill "$watchdog_pid" 2>/dev/null || true
  [ -n "$browser_pid" ] && kill "$browser_pid" 2>/dev/null || true
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null || true
  rm -rf "$work"
}
. tests/Withings.Portal.Benchmarks/load/common.sh
stop_after "$MAX_SECONDS"

echo "installing the measuring tools ..." >&2
dotnet tool install dotnet-gcdump --tool-path "$work/tools" --version 10.0.750501 >/dev/null
dotnet tool install dotnet-counters --tool-path "$work/tools" --version 10.0.750501 >/dev/null
cp "$here/open-tabs.mjs" "$work/"
(cd "$work" && npm init -y >/dev/null && npm install --silent playwright-core@1.64.1 >/dev/null)

publish_unless_given

# Managed heap after a forced full collection (a heap snapshot induces one): the runtime's heap size, which includes the
# free gaps between objects (fragmentation), and the live objects the snapshot walked; and resident memory, of the portal.
measure() {
  local name=$1
  "$work/tools/dotnet-gcdump" collect -p "$portal_pid" -o "$work/heap.gcdump" >/dev/null 2>&1
  [ -n "$KEEP" ] && cp "$work/heap.gcdump" "$KEEP/$name.gcdump"
  rm -f "$work/counters.csv"
  "$work/tools/dotnet-counters" collect -p "$portal_pid" --counters System.Runtime --format csv -o "$work/counters.csv" --duration 00:00:02 >/dev/null 2>&1
  local heap live rss
  heap=$(grep 'dotnet.gc.last_collection.heap.size' "$work/counters.csv" | awk -F, '{ sum[$3] = $5 } END { for (k in sum) t += sum[k]; print int(t) }')
  live=$("$work/tools/dotnet-gcdump" report "$work/heap.gcdump" 2>/dev/null | awk '/GC Heap bytes/ { gsub(",", "", $1); print $1; exit }')
  rss=$(awk '/VmRSS/ { print $2 * 1024 }' "/proc/$portal_pid/status")
  echo "$heap $rss ${live:-0}"
}

# One row: start the app, one tab (the "before"), then N+1 tabs (the "after"), each measured once the tabs are idle.
measure_page() {
  local app=$1 label=$2 page=$3 setup=$4 marker=$5
  local data name
  data=$(mktemp -d -p "$work")
  name=$(echo "$label" | tr -c 'A-Za-z0-9\n' '-')
  "$app" "$data" >"$data/app.log" 2>&1 &
  portal_pid=$!
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$page" || true)" = 200 ] && break
    sleep 0.5
  done
  # A page that answers with an island waits for it; a static one only for its load.
  if [ "$marker" = auto ]; then
    marker=""
    curl -s "$BASE$page" | grep -q 'Blazor:{"type":"server"' && marker="$MARKER"
  fi
  # One tab first, so the before figure includes everything a first visit loads once.
  coproc TABS { node "$work/open-tabs.mjs" "$BASE" "$page" 1 "$marker" "$setup"; }
  browser_pid=$TABS_PID
  read -r _ <&"${TABS[0]}"
  sleep 3
  read -r heap_before rss_before live_before < <(measure "$name-before")
  echo >&"${TABS[1]}"; wait "$browser_pid" || true

  coproc TABS { node "$work/open-tabs.mjs" "$BASE" "$page" "$((N + 1))" "$marker" "$setup"; }
  browser_pid=$TABS_PID
  read -r _ circuits <&"${TABS[0]}"
  sleep 10
  read -r heap_after rss_after live_after < <(measure "$name-after")
  echo >&"${TABS[1]}"; wait "$browser_pid" || true
  browser_pid=""

  awk -v p="$label" -v c="$circuits" -v hb="$heap_before" -v ha="$heap_after" -v rb="$rss_before" -v ra="$rss_after" -v n="$N" \
      -v lb="$live_before" -v la="$live_after" 'BEGIN {
    printf "| %s | %d | %.1f MB → %.1f MB | **%.0f KB** | %.0f KB | %.0f MB → %.0f MB | %.0f KB |\n", p, c, hb/1048576, ha/1048576, (ha-hb)/n/1024, (la-lb)/n/1024, rb/1048576, ra/1048576, (ra-rb)/n/1024 }'
  kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true
  portal_pid=""
}

start_portal() {
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Portal="Data Source=$1/portal.db" Content__Root="$PWD/content" \
  Logging__LogLevel__Default=Warning \
    exec "$published/Withings.Portal" --urls "$BASE" --contentRoot "$published"
}

start_floor() {
  Logging__LogLevel__Default=Warning exec "$floor/Withings.Portal.CircuitFloor" --urls "$BASE" --contentRoot "$floor"
}

if [ "$FLOOR" = 1 ]; then
  echo "publishing the floor app (Release) ..." >&2
  floor="$work/floor"
  timeout 600 dotnet publish tests/Withings.Portal.Benchmarks/CircuitFloor -c Release -o "$floor" --nologo -v quiet -nodeReuse:false -p:UseSharedCompilation=false >/dev/null
fi

echo
echo "published portal, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F), $N idle tabs per page"
echo "| page | circuits opened | managed heap before → after | per tab | live objects per tab | resident memory before → after | per tab |"
echo "|---|---|---|---|---|---|---|"
for entry in $PAGES; do
  case "$entry" in
    *+subscribed) page=${entry%+subscribed}; measure_page start_portal "$page (linked user, inbox subscribed)" "$page" subscribed "$MARKER" ;;
    *+link) page=${entry%+link}; measure_page start_portal "$page (linked user)" "$page" link "$MARKER" ;;
    *) measure_page start_portal "$entry" "$entry" "" auto ;;
  esac
done
[ "$FLOOR" = 1 ] && measure_page start_floor "floor: one trivial island, no MudBlazor" / "" "$MARKER"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
