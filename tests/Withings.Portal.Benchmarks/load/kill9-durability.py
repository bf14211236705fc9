#!/usr/bin/env python3
"""kill -9 durability (issue 11): streams feedback, troubleshooter-outcome and case writes at a portal on loopback, kills it
with SIGKILL mid-stream, restarts it on the same SQLite file and counts that every write it acknowledged is there.

A feedback or outcome write is acknowledged when the portal answered its POST with the redirect it sends after saving
(302); a case (the paste box's "Save as a case", a form post) when the page it answers shows the case's link. Feedback
comments carry a unique marker and cases have their id, so each acknowledged one is looked up by itself; outcomes carry
none, so their rows are counted (rows >= acknowledged). Every write comes from its own client address (X-Forwarded-For, believed from loopback)
so the per-address rate limits do not throttle the stream.

Bounded: ROUNDS rounds of STREAM_SECONDS each, loopback only, stops by itself.
Usage (from the repository root, after `dotnet build src/Withings.Portal`):
    python3 tests/Withings.Portal.Benchmarks/load/kill9-durability.py [rounds] [stream_seconds] [writers]
"""
import http.client, os, re, shutil, signal, sqlite3, subprocess, sys, tempfile, threading, time, urllib.parse

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
STREAM_SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 4.0
WRITERS = int(sys.argv[3]) if len(sys.argv) > 3 else 8
PORT = 5317
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
BIN = os.path.join(ROOT, "src", "Withings.Portal", "bin", "Debug", "net10.0")
FAQ_PAGES = ["/faq/invalid-code", "/faq/redirect-uri-mismatch"]
OUTCOME = "/troubleshoot/invalid-code/fix-expired/outcome"


def start(db):
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", DOTNET_gcServer="0")
    args = ["dotnet", os.path.join(BIN, "Withings.Portal.dll"), "--urls", f"http://127.0.0.1:{PORT}",
            f"--ConnectionStrings:Portal=Data Source={db}", "--Https:RedirectToHttps=false", "--Logging:LogLevel:Default=Warning"]
    process = subprocess.Popen(args, cwd=BIN, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            c.request("GET", "/healthz/ready")
            if c.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.1)
    process.kill()
    raise SystemExit("the portal did not become ready within 60 s")


def post(path, fields, address):
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
    body = urllib.parse.urlencode(fields)
    c.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded",
                                   "X-Forwarded-For": address, "Sec-Fetch-Site": "same-origin"})
    response = c.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


CASE_LINK = re.compile(r'data-testid="case-link"[^>]*>[^<]*/cases/([A-Za-z0-9]+)<|href="/cases/([A-Za-z0-9]+)"[^>]*data-testid="case-link"')


def stream(round_no, stop, acknowledged, lock, writer):
    n = 0
    while not stop.is_set():
        n += 1
        address = f"10.{round_no}.{writer}.{n % 250 + 1}" if n < 250 else f"10.{100 + round_no}.{writer}.{n % 250 + 1}"
        marker = f"kill9-r{round_no}-w{writer}-n{n}"
        try:
            if n % 3 == 1:
                status, _ = post("/feedback", {"page": FAQ_PAGES[(n // 3) % 2], "helpful": "yes", "comment": marker}, address)
                kind, key, saved = "feedback", marker, status == 302
            elif n % 3 == 2:
                status, _ = post(OUTCOME, {"outcome": "fixed"}, address)
                kind, key, saved = "outcome", marker, status == 302
            else:
                status, page = post("/", {"_handler": "paste", "paste-action": "save",
                                          "paste-text": f'{{"status":503,"body":{{}},"error":"Invalid Params: invalid code"}} {marker}'}, address)
                link = CASE_LINK.search(page) if status == 200 else None
                kind, key, saved = "case", link and (link.group(1) or link.group(2)), link is not None
        except OSError:
            continue  # the process died during this write: not acknowledged
        if saved:
            with lock:
                acknowledged.append((kind, key))


def main():
    folder = tempfile.mkdtemp(prefix="portal-kill9-")
    db = os.path.join(folder, "portal.db")
    print(f"| round | writes acknowledged before SIGKILL (feedback / outcomes / cases) | found after restart | lost |")
    print(f"|---|---|---|---|")
    total_ack = total_found = 0
    try:
        for round_no in range(1, ROUNDS + 1):
            process = start(db)
            acknowledged, lock, stop = [], threading.Lock(), threading.Event()
            threads = [threading.Thread(target=stream, args=(round_no, stop, acknowledged, lock, w)) for w in range(WRITERS)]
            for t in threads:
                t.start()
            time.sleep(STREAM_SECONDS)
            os.kill(process.pid, signal.SIGKILL)  # mid-stream: writers are still sending
            process.wait()
            stop.set()
            for t in threads:
                t.join()

            process = start(db)  # restart on the same file: recovery from the write-ahead log
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
            with sqlite3.connect(db) as connection:
                comments = {row[0] for row in connection.execute("SELECT Comment FROM PageFeedback WHERE Comment LIKE ?", (f"kill9-r{round_no}-%",))}
                outcome_rows = connection.execute("SELECT COUNT(*) FROM TroubleshooterOutcome").fetchone()[0]
                case_ids = {row[0] for row in connection.execute("SELECT Id FROM TroubleshooterCases")}
            feedback_ack = [m for k, m in acknowledged if k == "feedback"]
            case_ack = [i for k, i in acknowledged if k == "case"]
            cases_found = sum(1 for i in case_ids if i in set(case_ack))
            outcome_ack = sum(1 for k, _ in acknowledged if k == "outcome")
            main.outcomes_acknowledged = getattr(main, "outcomes_acknowledged", 0) + outcome_ack
            feedback_found = sum(1 for m in feedback_ack if m in comments)
            outcomes_found = min(outcome_rows, main.outcomes_acknowledged) - (main.outcomes_acknowledged - outcome_ack)
            lost = (len(feedback_ack) - feedback_found) + max(0, main.outcomes_acknowledged - outcome_rows) + (len(case_ack) - cases_found)
            total_ack += len(acknowledged)
            total_found += feedback_found + outcomes_found + cases_found
            print(f"| {round_no} | {len(acknowledged)} ({len(feedback_ack)} / {outcome_ack} / {len(case_ack)}) | "
                  f"{feedback_found + outcomes_found + cases_found} (outcome rows in the file: {outcome_rows}) | {lost} |")
        print(f"\nTotal: {total_ack} writes acknowledged over {ROUNDS} SIGKILLs, {total_found} found after restart, {total_ack - total_found} lost.")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
