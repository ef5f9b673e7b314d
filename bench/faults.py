#!/usr/bin/env python3
"""A load run with faults injected midway. Threads send, for SECONDS: the public's cached
query over GET, staff reads over POST (never cached: they reach the database), and one
staff writer creating chronicle events. At each `--event T CMD` the shell command CMD runs T
seconds in. Every answer is classed:
  ok      200 without errors
  clean   an error with a code this server promises (SOURCE_UNAVAILABLE, LIMIT_EXCEEDED)
  failed  anything else: a refused connection, a 5xx without such a code, INTERNAL, no JSON
per window between events, and per class of caller. At the end every write that said it
committed is read back: `lost` must be 0. Usage:
  faults.py URL SECONDS STAFF_TOKEN [--event T CMD]..."""
import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.parse

CLEAN = {"SOURCE_UNAVAILABLE", "LIMIT_EXCEEDED"}
PUBLIC = "{ treaties(first: 20) { totalCount edges { node { number titleEn status } } } }"
STAFF = "{ chronicleEvents(first: 5, orderBy: ID_DESC) { totalCount edges { node { id } } } }"
WRITE = ('mutation($f: JSON!) { createRecord(type: "ChronicleEvent", fields: $f) { id } }')


def classify(status, payload):
    try:
        body = json.loads(payload)
    except ValueError:
        return "failed"
    errors = body.get("errors") if isinstance(body, dict) else None
    if status == 200 and not errors:
        return "ok"
    codes = {(e.get("extensions") or {}).get("code") for e in errors or []}
    return "clean" if codes and codes <= CLEAN else "failed"


class Caller:
    def __init__(self, url, token=None):
        self.parsed = urllib.parse.urlparse(url)
        self.token = token
        self.connection = None

    def send(self, method, path, body=None):
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.parsed.hostname, self.parsed.port, timeout=30)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException):
            self.connection = None
            return 0, b""


def main():
    url, seconds, token = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    events, rest = [], sys.argv[4:]
    while rest:
        if rest[0] != "--event" or len(rest) < 3:
            sys.exit(__doc__)
        events.append((float(rest[1]), rest[2]))
        rest = rest[3:]
    events.sort()
    started = time.monotonic()
    stop = threading.Event()
    lock = threading.Lock()
    samples = []  # (seconds in, caller, class)
    committed = []

    def record(kind, cls):
        with lock:
            samples.append((time.monotonic() - started, kind, cls))

    public_path = "/graphql?query=" + urllib.parse.quote(PUBLIC)

    def public():
        caller = Caller(url)
        while not stop.is_set():
            record("public", classify(*caller.send("GET", public_path)))

    def staff():
        caller = Caller(url, token)
        body = json.dumps({"query": STAFF})
        while not stop.is_set():
            record("staff read", classify(*caller.send("POST", "/graphql", body)))

    def writer():
        caller = Caller(url, token)
        n = 0
        while not stop.is_set():
            n += 1
            fields = {"occurredOn": "2026-12-03", "titleVi": f"Sự kiện thử {n}",
                      "titleEn": f"Fault test event {n}", "unitCode": "DVDN"}
            status, payload = caller.send(
                "POST", "/graphql", json.dumps({"query": WRITE, "variables": {"f": fields}}))
            cls = classify(status, payload)
            record("staff write", cls)
            if cls == "ok":
                committed.append(json.loads(payload)["data"]["createRecord"]["id"])
            time.sleep(0.02)

    threads = [threading.Thread(target=public) for _ in range(6)]
    threads += [threading.Thread(target=staff) for _ in range(2)]
    threads.append(threading.Thread(target=writer))
    for thread in threads:
        thread.start()
    marks = [0.0]
    for at, command in events:
        time.sleep(max(0.0, at - (time.monotonic() - started)))
        print(f"  {time.monotonic() - started:5.1f} s  $ {command}", flush=True)
        subprocess.run(command, shell=True, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        marks.append(time.monotonic() - started)
    time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    stop.set()
    for thread in threads:
        thread.join()
    marks.append(seconds + 1e9)

    kinds = ["public", "staff read", "staff write"]
    print(f"  {'window':<16}" + "".join(f"{k + ' ok/clean/failed':>32}" for k in kinds))
    for begin, end in zip(marks, marks[1:]):
        label = f"{begin:.1f}-{min(end, seconds):.1f} s"
        cells = []
        for kind in kinds:
            counts = {"ok": 0, "clean": 0, "failed": 0}
            for at, k, cls in samples:
                if k == kind and begin <= at < end:
                    counts[cls] += 1
            cells.append(f"{counts['ok']}/{counts['clean']}/{counts['failed']}")
        print(f"  {label:<16}" + "".join(f"{c:>32}" for c in cells))
    # Recovery: after the last event, when each kind of caller was served again.
    if len(marks) > 2:
        restored = marks[-2]
        for kind in kinds:
            first = next((at for at, k, cls in sorted(samples)
                          if k == kind and at >= restored and cls == "ok"), None)
            delay = "never" if first is None else f"{first - restored:.2f} s"
            print(f"  {kind}: first answer {delay} after the last event")
    caller = Caller(url, token)
    lost = 0
    for record_id in committed:
        body = json.dumps({"query": "query($id: ID!) { node(id: $id) { id } }",
                           "variables": {"id": record_id}})
        status, payload = caller.send("POST", "/graphql", body)
        if status != 200 or json.loads(payload).get("data", {}).get("node") is None:
            lost += 1
    failed = sum(1 for _, _, cls in samples if cls == "failed")
    failed_public = sum(1 for _, k, cls in samples if k == "public" and cls != "ok")
    print(f"  requests {len(samples)}, failed {failed}, public not ok {failed_public}, "
          f"writes committed {len(committed)}, lost {lost}")


if __name__ == "__main__":
    main()
