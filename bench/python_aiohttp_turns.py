#!/usr/bin/env python3
"""Many background turns in flight with Python asyncio + aiohttp (issue 13):
what a team would pick instead of the C++ SDK. One session, a pool of 50
connections, the SDK's poll policy (0.5 s, x1.5, up to 5 s, each pause
x U(0.75, 1] like the SDK's jitter).

  python3 python_aiohttp_turns.py URL COUNT MIN_MS MAX_MS [KEY]

Prints the same JSON fields as bench_turns."""
import asyncio
import datetime
import json
import random
import resource
import sys
import threading
import time

import aiohttp


def duration_ms(i, count, min_ms, max_ms):
    if count <= 1:
        return min_ms
    place = (i * 7919) % count
    return min_ms + (max_ms - min_ms) * place // (count - 1)


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


async def one_turn(session, base, i, ms, stats):
    query = f"Batch question {i} [duration_ms={ms}]"
    try:
        async with session.post(f"{base}/api/v3/threads/turns", json={"query": query, "background": True}) as r:
            stats["requests"] += 1
            turn = await r.json()
        created = parse_time(turn["created_at"])
        pause = 0.5
        while turn["status"] in ("running", "cancelling"):
            await asyncio.sleep(pause * (1.0 - 0.25 * random.random()))
            pause = min(pause * 1.5, 5.0)
            async with session.get(f"{base}/api/v3/threads/{turn['thread']}/turns/{turn['id']}") as r:
                stats["requests"] += 1
                turn = await r.json()
        if turn["status"] != "completed":
            stats["errors"] += 1
            return
        stats["lateness"].append(time.time() - (created + ms / 1000))
        stats["last_due"] = max(stats["last_due"], created + ms / 1000)
    except Exception:  # noqa: BLE001 - a lost turn is what is counted
        stats["errors"] += 1


async def main(base, count, min_ms, max_ms, key):
    stats = {"requests": 0, "errors": 0, "lateness": [], "last_due": 0.0}
    headers = {"Authorization": f"Bearer {key}"}
    connector = aiohttp.TCPConnector(limit=50)
    async with aiohttp.ClientSession(headers=headers, connector=connector) as session:
        await asyncio.gather(*(one_turn(session, base, i, duration_ms(i, count, min_ms, max_ms), stats)
                               for i in range(count)))
    return stats


if __name__ == "__main__":
    base, count, min_ms, max_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    key = sys.argv[5] if len(sys.argv) > 5 else "test-key"
    start = time.monotonic()
    cpu = time.process_time()
    stats = asyncio.run(main(base, count, min_ms, max_ms, key))
    late = sorted(stats["lateness"])
    at = lambda q: late[int(q * (len(late) - 1))] if late else 0.0  # noqa: E731
    print(json.dumps({"mode": "python_aiohttp", "count": count, "seconds": time.monotonic() - start,
                      "completed": len(late), "errors": stats["errors"], "requests": stats["requests"],
                      "seconds_after_last_due": time.time() - stats["last_due"],
                      "lateness_p50_s": at(0.5), "lateness_p99_s": at(0.99), "lateness_max_s": at(1.0),
                      "cpu_seconds": time.process_time() - cpu,
                      "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                      "peak_threads": threading.active_count()}))
