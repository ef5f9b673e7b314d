#!/usr/bin/env python3
"""Latency of GraphQL queries against one server, interleaved so that the machine's noise falls
on every query alike. Usage: measure.py URL REQUESTS QUERY [QUERY ...]; prints, per query, the
median and p99 in milliseconds, one line each: `p50 p99`."""
import http.client
import json
import sys
import time
import urllib.parse


def main() -> None:
    url, requests, queries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    parsed = urllib.parse.urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    samples = [[] for _ in queries]
    bodies = [json.dumps({"query": q}) for q in queries]
    headers = {"Content-Type": "application/json", "Accept": "application/graphql-response+json"}
    for round_ in range(requests + 5):
        for index, body in enumerate(bodies):
            started = time.perf_counter()
            connection.request("POST", "/graphql", body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            elapsed = (time.perf_counter() - started) * 1000
            if response.status != 200 or b'"errors"' in payload:
                sys.exit(f"query {index} failed: {response.status} {payload[:300]!r}")
            if round_ >= 5:  # the first rounds warm the pools and the page cache
                samples[index].append(elapsed)
    for values in samples:
        if not values:
            continue
        values.sort()
        p50 = values[len(values) // 2]
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(f"{p50:.2f} {p99:.2f}")


if __name__ == "__main__":
    main()
