# Sourced by the load scripts, after they define cleanup(): runs cleanup when the script ends, fails or is interrupted
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
