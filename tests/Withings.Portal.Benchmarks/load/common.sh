# Sourced by the load scripts. stop_after, once they define cleanup(): runs cleanup when the script ends, fails or is interrupted
# (an interruption exits with 130), and stops the script after the given number of seconds, so that nothing it started
# outlives that bound. Sets watchdog_pid, which cleanup() stops.
stop_after() {
  trap cleanup EXIT
  trap 'echo "interrupted" >&2; exit 130' INT TERM
  ( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    sleep "$1" & sleeper=$!
    wait "$sleeper"
    echo "time limit of ${1}s reached, stopping" >&2
    kill -TERM $$ ) &
  watchdog_pid=$!
}

# Sets published to PUBLISHED, or publishes the portal (Release, as shipped) into the script's work folder. Without build
# servers: nothing started here may outlive the script; the publish runs in the background so that the time limit and
# an interruption stop it too.
publish_unless_given() {
  published=${PUBLISHED:-}
  if [ -z "$published" ]; then
    echo "publishing the portal (Release) ..." >&2
    published="$work/portal"
    timeout 900 dotnet publish src/Withings.Portal -c Release -o "$published" --nologo -v quiet -nodeReuse:false \
      -p:UseSharedCompilation=false >/dev/null &
    child_pid=$!
    wait "$child_pid"
    child_pid=""
  fi
}
