#!/usr/bin/env bash
# Start-up time (issue 11): from process start to the first 200 of a help page and of /healthz, on a fresh SQLite
# database each time (so every run creates the database and applies the portal's and the sandbox's migrations).
# Target: the help page answers within 1.5 s. The portal is published once (Release, as shipped), then started RUNS
# times; the median and the maximum are the result, with the CPU time the process had used by its first answer (less
# sensitive than wall time to other work on a shared machine).
#
#   tests/Withings.Portal.Benchmarks/load/startup-time.sh      # RUNS=7 PAGE=/faq/invalid-code
#   PUBLISHED=/path/to/publish tests/Withings.Portal.Benchmarks/load/startup-time.sh    # measure an existing publish
#   CONTENT=/old/checkout/content PUBLISHED=/old/publish ...                            # an older build with its own content
#   RESTART=1 tests/Withings.Portal.Benchmarks/load/startup-time.sh    # one database kept between runs: restarts (the
#                                                                     # first run still creates it)
#   BASELINE=1 tests/Withings.Portal.Benchmarks/load/startup-time.sh   # also the framework's floor on this machine: the
#                                                                     # empty Blazor Server template, published the same way
#
# Loopback only; bounded: each start is given 60 s, the whole script MAX_SECONDS, and the portal it started is stopped
# when it ends, fails or is interrupted.
set -euo pipefail
cd "$(dirname "$0")/../../.."

RUNS=${RUNS:-7}
PAGE=${PAGE:-/faq/invalid-code}
MAX_SECONDS=${MAX_SECONDS:-900}
PORT=5315
CLOCK_TICKS=$(getconf CLK_TCK)

work=$(mktemp -d)
mkfifo "$work/pause"
exec {pause_fd}<>"$work/pause"
portal_pid=""
child_pid=""
watchdog_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$child_pid" ] && kill "$child_pid" 2>/dev/null || true
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null || true
  [ -n "$watchdog_pid" ] && kill "$watchdog_pid" 2>/dev/null || true
  rm -rf "$work"
}
. tests/Withings.Portal.Benchmarks/load/common.sh
stop_after "$MAX_SECONDS"

publish_unless_given

# Without starting a process: sets $now to the time in milliseconds.
stamp() { local micros=${EPOCHREALTIME/./}; now=$(( micros / 1000 )); }
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Accept-Encoding: gzip, deflate, br, zstd" "http://127.0.0.1:$PORT$1" 2>/dev/null || true; }
cpu_ms() { awk -v t="$CLOCK_TICKS" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$1/stat" 2>/dev/null || echo "?"; }
# One request: prints its status and its duration in seconds.
timed() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 60 -H "Accept-Encoding: gzip, deflate, br, zstd" "http://127.0.0.1:$PORT$1" 2>/dev/null || echo "000 0"; }
# Milliseconds from the start to the end of a request asked at $1 (ms) that took $2 seconds.
to_ms() { awk -v asked="$1" -v seconds="$2" -v started="$started" 'BEGIN { printf "%d", asked - started + seconds * 1000 }'; }
# Until $portal_pid listens, the port is tried by bash itself and the pause is a read on a FIFO: no process is started
# per try. (Starting a curl every 5 ms, as this script first did, took CPU from the portal it measures on 2 cores.)
wait_until_listening() {
  until { : 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null; do
    kill -0 "$portal_pid" 2>/dev/null || { echo "$1 stopped:" >&2; cat "$2" >&2; exit 1; }
    stamp; [ $(( now - started )) -gt 60000 ] && { echo "no answer within 60 s" >&2; exit 1; }
    read -r -t 0.005 -u "$pause_fd" || true
  done
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "published portal, $([ "${RESTART:-0}" = 1 ] && echo "one SQLite database kept between runs" || echo "fresh SQLite database each run"), $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
echo "| run | first 200 of $PAGE | first 200 of /healthz | CPU time by the page's 200 |"
echo "|---|---|---|---|"
page_times=(); health_times=()
for run in $(seq 1 "$RUNS"); do
  data="$work/run-$run"
  [ "${RESTART:-0}" = 1 ] && data="$work/kept"
  mkdir -p "$data"
  stamp; started=$now
  ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Portal="Data Source=$data/portal.db" \
  Content__Root="${CONTENT:-$PWD/content}" \
  Logging__LogLevel__Default=Warning \
    "$published/Withings.Portal" --urls "http://127.0.0.1:$PORT" --contentRoot "$published" >"$data/portal.log" 2>&1 &
  portal_pid=$!
  page_ms=""; health_ms=""; cpu=""
  wait_until_listening "the portal" "$data/portal.log"
  # Listening: both are asked at once; the portal holds the page's request until it can answer it.
  stamp; asked=$now
  timed /healthz >"$data/health" &
  timed "$PAGE" >"$data/page"
  wait $!
  read -r code seconds <"$data/page"
  [ "$code" = 200 ] && { page_ms=$(to_ms "$asked" "$seconds"); cpu=$(cpu_ms "$portal_pid"); }
  read -r code seconds <"$data/health"
  [ "$code" = 200 ] && health_ms=$(to_ms "$asked" "$seconds")
  # Anything else (a 503 while the database is prepared by a slow disk): ask again until both have answered.
  while [ -z "$page_ms" ] || [ -z "$health_ms" ]; do
    kill -0 "$portal_pid" 2>/dev/null || { echo "the portal stopped:" >&2; cat "$data/portal.log" >&2; exit 1; }
    stamp; [ $(( now - started )) -gt 60000 ] && { echo "no answer within 60 s" >&2; exit 1; }
    if [ -z "$health_ms" ] && [ "$(status /healthz)" = 200 ]; then stamp; health_ms=$(( now - started )); fi
    if [ -z "$page_ms" ] && [ "$(status "$PAGE")" = 200 ]; then stamp; page_ms=$(( now - started )); cpu=$(cpu_ms "$portal_pid"); fi
    read -r -t 0.005 -u "$pause_fd" || true
  done
  kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true; portal_pid=""
  grep -iE "fail|crit|error" "$data/portal.log" >&2 || true
  page_times+=("$page_ms"); health_times+=("$health_ms")
  echo "| $run | $page_ms ms | $health_ms ms | $cpu ms |"
  [ "${RESTART:-0}" = 1 ] || rm -rf "$data"
done
echo "help page: median $(printf '%s\n' "${page_times[@]}" | median) ms, max $(printf '%s\n' "${page_times[@]}" | sort -n | tail -1) ms (target <= 1500 ms)"
echo "/healthz:  median $(printf '%s\n' "${health_times[@]}" | median) ms, max $(printf '%s\n' "${health_times[@]}" | sort -n | tail -1) ms"

[ "${BASELINE:-0}" = 1 ] || exit 0

# The floor: what .NET and Blazor alone cost on this machine with the same clock. The empty Blazor Server template
# (no database, no content), published as the portal is (Release, ReadyToRun, framework-dependent), first 200 of "/".
echo "publishing the empty Blazor Server template (Release, ReadyToRun) ..." >&2
bare="$work/bare"
timeout 300 dotnet new blazor --empty --interactivity Server -o "$bare/src" --name Bare >/dev/null &
child_pid=$!; wait "$child_pid"; child_pid=""
timeout 900 dotnet publish "$bare/src" -c Release -o "$bare/out" -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  --nologo -v quiet -nodeReuse:false -p:UseSharedCompilation=false >/dev/null &
child_pid=$!; wait "$child_pid"; child_pid=""
echo
echo "| run | empty Blazor Server template: first 200 of / | CPU time by then |"
echo "|---|---|---|"
bare_times=()
for run in $(seq 1 "$RUNS"); do
  stamp; started=$now
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    "$bare/out/Bare" --urls "http://127.0.0.1:$PORT" --contentRoot "$bare/out" >"$work/bare.log" 2>&1 &
  portal_pid=$!
  wait_until_listening "the template" "$work/bare.log"
  stamp; asked=$now
  read -r code seconds < <(timed /)
  [ "$code" = 200 ] || { echo "the template answered $code" >&2; exit 1; }
  page_ms=$(to_ms "$asked" "$seconds"); cpu=$(cpu_ms "$portal_pid")
  kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true; portal_pid=""
  bare_times+=("$page_ms")
  echo "| $run | $page_ms ms | $cpu ms |"
done
echo "empty template: median $(printf '%s\n' "${bare_times[@]}" | median) ms (the floor no portal start can go under here)"
