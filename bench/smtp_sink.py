#!/usr/bin/env python3
"""A mail server for the benchmark that takes every message and keeps none.

    bench/smtp_sink.py 2525

The portal does not start without a mail server (it never drops mail silently); the
benchmark's submissions send codes and confirmations. Loopback only; counts what it received
in the file named by the second argument, if given.
"""
import socketserver
import sys
import threading

COUNT = 0
LOCK = threading.Lock()


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        global COUNT
        self.wfile.write(b"220 bench-sink ESMTP\r\n")
        in_data = False
        while True:
            line = self.rfile.readline()
            if not line:
                return
            if in_data:
                if line in (b".\r\n", b".\n"):
                    in_data = False
                    with LOCK:
                        COUNT += 1
                        if COUNT_FILE:
                            with open(COUNT_FILE, "w") as out:
                                out.write(f"{COUNT}\n")
                    self.wfile.write(b"250 OK\r\n")
                continue
            command = line.strip().upper()
            if command.startswith(b"EHLO"):
                self.wfile.write(b"250-bench-sink\r\n250 8BITMIME\r\n")
            elif command == b"DATA":
                in_data = True
                self.wfile.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 Bye\r\n")
                return
            else:
                self.wfile.write(b"250 OK\r\n")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 2525
    COUNT_FILE = sys.argv[2] if len(sys.argv) > 2 else None
    with Server(("127.0.0.1", port), Handler) as server:
        server.serve_forever()
