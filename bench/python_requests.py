#!/usr/bin/env python3
"""What a user would write instead of the SDK (issue #7, item 3): the same
get_turn calls with Python `requests` in one Session (connection reused),
decoding each body as JSON.

    python3 bench/python_requests.py URL THREAD TURN [CALLS] [KEY]
"""
import json
import sys
import time

import requests


def main():
    base, thread, turn = sys.argv[1:4]
    calls = int(sys.argv[4]) if len(sys.argv) > 4 else 5000
    key = sys.argv[5] if len(sys.argv) > 5 else "test-key"
    url = f"{base}/api/v3/threads/{thread}/turns/{turn}"
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {key}", "Accept": "application/json"})
    checksum = 0
    start = time.perf_counter()
    for _ in range(calls):
        response = session.get(url)
        response.raise_for_status()
        checksum += len(response.json()["messages"])
    seconds = time.perf_counter() - start
    print(json.dumps({"mode": "python-requests", "calls": calls, "seconds": seconds, "checksum": checksum,
                      "requests_version": requests.__version__}))


if __name__ == "__main__":
    main()
