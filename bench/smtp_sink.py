#!/usr/bin/env python3
"""A mail server for the benchmark: takes every message, on loopback.

    bench/smtp_sink.py 2525 [DIR]

The portal does not start without a mail server (it never drops mail silently), and the
benchmark's submissions need the code the form e-mails. With DIR, each message is written to
DIR/<recipient>.eml (the last one per recipient), where bench/submit.py reads the code.
"""
import os
import socketserver
import sys

MAIL_DIR = None


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 bench-sink ESMTP\r\n")
        in_data = False
        recipients = []
        lines = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            if in_data:
                if line in (b".\r\n", b".\n"):
                    in_data = False
                    self.store(recipients, lines)
                    recipients, lines = [], []
                    self.wfile.write(b"250 OK\r\n")
                else:
                    lines.append(line[1:] if line.startswith(b"..") else line)
                continue
            command = line.strip().upper()
            if command.startswith(b"EHLO"):
                self.wfile.write(b"250-bench-sink\r\n250 8BITMIME\r\n")
            elif command.startswith(b"RCPT TO:"):
                recipients.append(line.strip()[8:].decode("utf-8", "replace").strip(" <>").lower())
                self.wfile.write(b"250 OK\r\n")
            elif command == b"DATA":
                in_data = True
                self.wfile.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 Bye\r\n")
                return
            else:
                self.wfile.write(b"250 OK\r\n")

    @staticmethod
    def store(recipients, lines):
        if not MAIL_DIR:
            return
        for recipient in recipients:
            name = "".join(c for c in recipient if c.isalnum() or c in "@.-_+")
            path = os.path.join(MAIL_DIR, name + ".eml")
            with open(path + ".tmp", "wb") as out:
                out.writelines(lines)
            os.replace(path + ".tmp", path)


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 2525
    if len(sys.argv) > 2:
        MAIL_DIR = sys.argv[2]
        os.makedirs(MAIL_DIR, exist_ok=True)
    with Server(("127.0.0.1", port), Handler) as server:
        server.serve_forever()
