#!/usr/bin/env python3
"""A collector that takes OTLP/HTTP requests and discards them (issue 23's
benchmark): prints "otlp-sink listening on http://127.0.0.1:PORT", answers
200 to every POST, and counts bytes received at GET /stats."""
import http.server
import json
import socketserver
import sys


class Sink(http.server.BaseHTTPRequestHandler):
    received = {"requests": 0, "bytes": 0}

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        Sink.received["requests"] += 1
        Sink.received["bytes"] += length
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def do_GET(self):
        body = json.dumps(Sink.received).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), Sink)
    print(f"otlp-sink listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
