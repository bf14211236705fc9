#!/usr/bin/env bash
# Help pages at CDN speed (issue 11). In one run, on this machine, 64 connections, requests/s and p99 latency of one
# help page served three ways:
#   static  nginx serving the very same bytes as a static file (the ceiling),
#   cache   nginx with deploy/nginx/withings-portal.conf (adapted to loopback ports) caching the portal,
#   portal  the published portal alone (its output cache).
# Targets: cache >= 0.9 x static, portal >= 0.55 x static, p99 < 10 ms.
# The clients ask as a browser does (CODING=br sends Chrome's "Accept-Encoding: gzip, deflate, br, zstd"; gzip or
# identity also work), and the static file holds the bytes the cache sent for that coding, so all three send the same
# body. The static server is a stock one (sendfile); STATIC_OPEN_FILE_CACHE=1 also gives it the open_file_cache that
# deploy/nginx uses for cached pages.
# The machine is shared and noisy: the three are measured in turn (order rotated) ROUNDS times, and the medians of
# the per-round ratios are the result.
#
#   tests/Withings.Portal.Benchmarks/load/compare-with-nginx.sh   # PAGE=/faq/invalid-code DURATION=10s ROUNDS=5 CODING=br
#                                                                 # STATIC_OPEN_FILE_CACHE=0
#
# Loopback only; bounded: each wrk run lasts DURATION, the whole script at most MAX_SECONDS, and everything it started
# (portal, nginx, wrk) is stopped when it ends, fails or is interrupted. Installs wrk and nginx through apt when missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."

PAGE=${PAGE:-/faq/invalid-code}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
CODING=${CODING:-br}
MAX_SECONDS=${MAX_SECONDS:-1200}
STATIC_OPEN_FILE_CACHE=${STATIC_OPEN_FILE_CACHE:-0}
PORTAL_PORT=5310
STATIC_PORT=5311
CACHE_PORT=5312

case "$CODING" in
  br) accept_encoding="gzip, deflate, br, zstd" ;; # Chrome's and Firefox's
  gzip) accept_encoding="gzip" ;;
  identity) accept_encoding="identity" ;;
  *) echo "CODING must be br, gzip or identity" >&2; exit 2 ;;
esac

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 ..." >&2
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
}
need wrk wrk
need nginx nginx

work=$(mktemp -d)
portal_pid=""
nginx_pid=""
child_pid=""
watchdog_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$child_pid" ] && kill "$child_pid" 2>/dev/null || true
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "$watchdog_pid" ] && kill "$watchdog_pid" 2>/dev/null || true
  [ -n "$portal_pid" ] && wait "$portal_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
. tests/Withings.Portal.Benchmarks/load/common.sh
stop_after "$MAX_SECONDS"

curl() { command curl --max-time 20 "$@"; }
bounded() { # seconds, command... : runs in the background so that an interruption or the time limit stops it too
  local seconds=$1; shift
  timeout "$seconds" "$@" &
  child_pid=$!
  wait "$child_pid"
  child_pid=""
}

echo "publishing the portal (Release) ..." >&2
# No build servers: nothing started here may outlive the script.
bounded 900 dotnet publish src/Withings.Portal -c Release -o "$work/portal" --nologo -v quiet -nodeReuse:false -p:UseSharedCompilation=false >/dev/null

ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__Portal="Data Source=$work/portal.db" \
Content__Root="$PWD/content" \
Logging__LogLevel__Default=Warning \
  "$work/portal/Withings.Portal" --urls "http://127.0.0.1:$PORTAL_PORT" --contentRoot "$work/portal" >"$work/portal.log" 2>&1 &
portal_pid=$!
wait_for() { # url: up to 60 s
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$1" 2>/dev/null && return
    sleep 0.25
  done
  echo "no answer from $1" >&2
  exit 1
}
wait_for "http://127.0.0.1:$PORTAL_PORT/healthz"

# nginx's workers run as nobody when started by root: they must be able to read the page and write the cache.
chmod 755 "$work"
mkdir -p "$work/www" "$work/cache"
chown nobody "$work/cache" 2>/dev/null || true
static_encoding_header=""
[ "$CODING" != identity ] && static_encoding_header="add_header Content-Encoding $CODING;"
# A stock static server by default; STATIC_OPEN_FILE_CACHE=1 gives it the descriptor cache deploy/nginx gives the cache.
static_open_file_cache=""
[ "$STATIC_OPEN_FILE_CACHE" = 1 ] && static_open_file_cache="open_file_cache max=10000 inactive=60s; open_file_cache_valid 5s;"

# The operator's configuration, with loopback ports and this run's cache folder; fail if it no longer has these lines.
sed -e "s|server 127.0.0.1:5000;|server 127.0.0.1:$PORTAL_PORT;|" \
    -e "s|listen 80;|listen 127.0.0.1:$CACHE_PORT;|" \
    -e "s|/var/cache/nginx/withings-portal|$work/cache|" \
    deploy/nginx/withings-portal.conf >"$work/withings-portal.conf"
for expected in "127.0.0.1:$PORTAL_PORT;" "listen 127.0.0.1:$CACHE_PORT;" "$work/cache"; do
  grep -qF "$expected" "$work/withings-portal.conf" || { echo "deploy/nginx/withings-portal.conf changed: could not set '$expected'" >&2; exit 1; }
done

cat >"$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$STATIC_PORT;
    location = /page {
      root $work/www;
      $static_open_file_cache
      types { }
      default_type "text/html; charset=utf-8";
      $static_encoding_header
      add_header Vary "Accept-Encoding";
    }
  }
  include $work/withings-portal.conf;
}
NGINX
nginx -t -q -c "$work/nginx.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work" -g "daemon off;" &
nginx_pid=$!
wait_for "http://127.0.0.1:$CACHE_PORT/healthz"

static_url="http://127.0.0.1:$STATIC_PORT/page"
cache_url="http://127.0.0.1:$CACHE_PORT$PAGE"
portal_url="http://127.0.0.1:$PORTAL_PORT$PAGE"

# The static file is the page as the cache sends it (its canonical link names the host nginx passes on).
headers=$(curl -fs -D - -H "Accept-Encoding: $accept_encoding" "$cache_url" -o "$work/www/page")
chmod 644 "$work/www/page"
sent_coding=$(printf '%s' "$headers" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-encoding" {print $2}')
[ "${sent_coding:-identity}" = "$CODING" ] || { echo "the portal answered with coding '${sent_coding:-identity}' for $CODING" >&2; exit 1; }
bytes=$(wc -c <"$work/www/page")

# The configuration does what deploy/nginx/README.md says, on the real portal, before anything is measured.
check() { # description, expected, actual
  if [ "$2" = "$3" ]; then echo "ok   $1" >&2; else echo "FAIL $1: expected '$2', got '$3'" >&2; exit 1; fi
}
header() { # name, curl arguments... -> the value of that response header
  local name=$1; shift
  curl -s -D - -o /dev/null "$@" | tr -d '\r' | awk -F': ' -v n="$name" 'tolower($1) == tolower(n) {print $2}'
}
curl -s -o /dev/null -H "Accept-Encoding: $accept_encoding" "$cache_url"
check "a help page is stored by nginx" HIT "$(header X-Cache-Status -H "Accept-Encoding: $accept_encoding" "$cache_url")"
curl -s -H "Accept-Encoding: $accept_encoding" -H "Host: 127.0.0.1" "$portal_url" -o "$work/from-portal"
check "nginx sends the portal's bytes" "$(sha256sum <"$work/from-portal")" "$(sha256sum <"$work/www/page")"
etag=$(header ETag -H "Accept-Encoding: $accept_encoding" "$cache_url")
check "If-None-Match with the ETag gets a 304 from nginx" 304 \
  "$(curl -s -o /dev/null -w '%{http_code}' -H "Accept-Encoding: $accept_encoding" -H "If-None-Match: $etag" "$cache_url")"
check "each coding is cached apart" "" "$(header Content-Encoding -H "Accept-Encoding: identity" "$cache_url")"
check "a coding refused with q=0 is not sent" gzip "$(header Content-Encoding -H "Accept-Encoding: br;q=0, gzip" "$cache_url")"
curl -s -o /dev/null -X POST -d "theme=dark" -H "Sec-Fetch-Site: same-origin" "http://127.0.0.1:$CACHE_PORT/theme"
check "a POST is never answered from the cache" "" \
  "$(header X-Cache-Status -X POST -d "theme=dark" -H "Sec-Fetch-Site: same-origin" "http://127.0.0.1:$CACHE_PORT/theme" | grep -x HIT)"
check "a reader's own vote cookie skips the cache" BYPASS "$(header X-Cache-Status -H "Cookie: portal-me-feedback=x" "$cache_url")"
check "the dark theme is cached apart" 1 "$([ "$(header ETag -H "Cookie: portal-theme=dark" "$cache_url")" != "$(header ETag "$cache_url")" ] && echo 1)"
check "a chosen light theme is cached apart from the system's" 1 \
  "$([ "$(header ETag -H "Cookie: portal-theme=light" "$cache_url")" != "$(header ETag "$cache_url")" ] && echo 1)"
curl -s -o /dev/null "http://127.0.0.1:$CACHE_PORT/healthz"
check "a no-store answer is not stored" MISS "$(header X-Cache-Status "http://127.0.0.1:$CACHE_PORT/healthz")"
check "the sandbox is never cached" "" "$(header X-Cache-Status "http://127.0.0.1:$CACHE_PORT/sandbox/wbsapi/v2/oauth2")"
check "the portal alone takes X-Sandbox-Fault" 500 \
  "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Sandbox-Fault: status=500" "http://127.0.0.1:$PORTAL_PORT/sandbox/wbsapi/measure")"
check "nginx drops X-Sandbox-Fault (the envelope answers, not the fault)" 200 \
  "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Sandbox-Fault: status=500" "http://127.0.0.1:$CACHE_PORT/sandbox/wbsapi/measure")"
websocket_status() { # the status line nginx answers a WebSocket upgrade of /_blazor with
  local token
  token=$(curl -s -X POST "http://127.0.0.1:$CACHE_PORT/_blazor/negotiate?negotiateVersion=1" | sed -n 's/.*"connectionToken":"\([^"]*\)".*/\1/p')
  timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"
    printf "GET /_blazor?id=%s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n" "$2" >&3
    head -1 <&3 | tr -d "\r"' _ "$CACHE_PORT" "$token"
}
check "the islands' WebSocket is upgraded" "HTTP/1.1 101 Switching Protocols" "$(websocket_status)"
check "a static asset comes in the portal's precompressed file" "$sent_coding" \
  "$(header Content-Encoding -H "Accept-Encoding: $accept_encoding" "http://127.0.0.1:$CACHE_PORT/_framework/blazor.web.js")"
check "the static file has the same coding" "$(header Content-Encoding -H "Accept-Encoding: $accept_encoding" "$cache_url")" \
  "$(header Content-Encoding "$static_url")"

wrk_run() { # seconds, url -> wrk's report in wrk.out
  bounded $(( ${1%s} + 30 )) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency -H "Accept-Encoding: $accept_encoding" "$2" >"$work/wrk.out"
  if grep -q "Non-2xx" "$work/wrk.out"; then echo "errors while measuring $2:" >&2; cat "$work/wrk.out" >&2; exit 1; fi
}
measure() { # url -> "requests_per_second p99_ms"
  wrk_run "$DURATION" "$1"
  awk '/^Requests\/sec:/ {rps=$2}
       $1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; p99=v}
       END {print rps, p99}' "$work/wrk.out"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Warm-up long enough for tiered compilation to finish (a shorter one measured the JIT, not the portal).
wrk_run 8s "$portal_url"
wrk_run 3s "$cache_url"
wrk_run 3s "$static_url"

echo
echo "page: $PAGE ($bytes bytes, Accept-Encoding: $accept_encoding), wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
echo "| round | static req/s | p99 | cache req/s | p99 | portal req/s | p99 | cache/static | portal/static |"
echo "|---|---|---|---|---|---|---|---|---|"
cache_ratios=(); portal_ratios=(); p99s=()
for round in $(seq 1 "$ROUNDS"); do
  declare -A rps=() p99=()
  order=(static cache portal)
  shift_by=$(( (round - 1) % 3 ))
  order=("${order[@]:$shift_by}" "${order[@]:0:$shift_by}")
  for target in "${order[@]}"; do
    url_var="${target}_url"
    read -r "rps[$target]" "p99[$target]" <<<"$(measure "${!url_var}")"
  done
  cache_ratio=$(awk -v a="${rps[cache]}" -v b="${rps[static]}" 'BEGIN { printf "%.2f", a / b }')
  portal_ratio=$(awk -v a="${rps[portal]}" -v b="${rps[static]}" 'BEGIN { printf "%.2f", a / b }')
  cache_ratios+=("$cache_ratio"); portal_ratios+=("$portal_ratio"); p99s+=("${p99[cache]}" "${p99[portal]}")
  echo "| $round | ${rps[static]} | ${p99[static]} ms | ${rps[cache]} | ${p99[cache]} ms | ${rps[portal]} | ${p99[portal]} ms | $cache_ratio | $portal_ratio |"
  unset rps p99
done
echo "nginx $(nginx -v 2>&1 | sed 's|.*/||'): static $([ "$STATIC_OPEN_FILE_CACHE" = 1 ] && echo "with" || echo "without") open_file_cache, cache = deploy/nginx/withings-portal.conf; portal: Release build, output cache; order rotated each round"
echo "median cache/static: $(printf '%s\n' "${cache_ratios[@]}" | median) (target >= 0.9; rounds $(printf '%s\n' "${cache_ratios[@]}" | sort -n | head -1)-$(printf '%s\n' "${cache_ratios[@]}" | sort -n | tail -1))"
echo "median portal/static: $(printf '%s\n' "${portal_ratios[@]}" | median) (target >= 0.55; rounds $(printf '%s\n' "${portal_ratios[@]}" | sort -n | head -1)-$(printf '%s\n' "${portal_ratios[@]}" | sort -n | tail -1))"
echo "p99, cache and portal: median $(printf '%s\n' "${p99s[@]}" | median) ms, worst $(printf '%s\n' "${p99s[@]}" | sort -n | tail -1) ms (target < 10 ms)"
