#!/usr/bin/env bash
# How cheap is a help page? Requests/s and p99 latency of one FAQ page served by the published portal, against
# nginx serving the very same HTML bytes as a static file, on this machine, in the same run, 64 connections.
# Target (issue 3): the portal reaches at least half of nginx's rate, with p99 under 10 ms.
# The machine is shared and noisy, so the two servers are measured alternately ROUNDS times and the median of the
# per-round ratios is the result.
#
#   tests/Withings.Portal.Benchmarks/load/compare-with-nginx.sh            # PAGE=/faq/invalid-code DURATION=15s
#
# Installs wrk and nginx through apt when missing (Debian/Ubuntu, as root).
set -euo pipefail
cd "$(dirname "$0")/../../.."

PAGE=${PAGE:-/faq/invalid-code}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORTAL_PORT=5310
NGINX_PORT=5311

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 ..." >&2
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
}
need wrk wrk
need nginx nginx

work=$(mktemp -d)
portal_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "publishing the portal (Release) ..." >&2
dotnet publish src/Withings.Portal -c Release -o "$work/portal" --nologo -v quiet >/dev/null

ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__Portal="Data Source=$work/portal.db" \
Content__Root="$PWD/content" \
Logging__LogLevel__Default=Warning \
  "$work/portal/Withings.Portal" --urls "http://127.0.0.1:$PORTAL_PORT" >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORTAL_PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done

mkdir -p "$work/www"
curl -fs "http://127.0.0.1:$PORTAL_PORT$PAGE" -o "$work/www/page.html"
bytes=$(wc -c <"$work/www/page.html")

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
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
    location / { default_type text/html; }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work"

measure() { # url -> "requests_per_second p99_ms"
  local out rps p99
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1")
  rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ {print $2}')
  p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}')
  echo "$rps $p99"
}

# Warm-up long enough for tiered compilation to finish (a shorter one measured the JIT, not the portal).
wrk -t2 -c"$CONNECTIONS" -d8s "http://127.0.0.1:$PORTAL_PORT$PAGE" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$NGINX_PORT/page.html" >/dev/null

echo
echo "page: $PAGE ($bytes bytes), wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, $(nproc) cores, $(date -u +%F)"
echo "| round | nginx requests/s | nginx p99 | portal requests/s | portal p99 | ratio |"
echo "|---|---|---|---|---|---|"
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  read -r nginx_rps nginx_p99 <<<"$(measure "http://127.0.0.1:$NGINX_PORT/page.html")"
  read -r portal_rps portal_p99 <<<"$(measure "http://127.0.0.1:$PORTAL_PORT$PAGE")"
  ratio=$(awk -v a="$portal_rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", a / b }')
  ratios+=("$ratio")
  echo "| $round | $nginx_rps | $nginx_p99 ms | $portal_rps | $portal_p99 ms | $ratio |"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "nginx: $(nginx -v 2>&1 | sed 's|.*/||'), the same HTML as a static file; portal: Release build, output cache"
echo "median ratio portal/nginx: $median (target >= 0.5); portal p99 target < 10 ms"
