#!/usr/bin/env python3
"""Concurrent submissions through the public request form, as browsers post it.

    bench/submit.py BASE_URL MAIL_DIR --requesters 200 [--heap-url URL]

Each requester (a thread with a session of its own) fills in the six steps of the form (a
record copy for themselves, their ID as a PNG, delivery by post), waits for the e-mailed code
(which bench/smtp_sink.py writes to MAIL_DIR), then all of them wait at one barrier and send the
final POST at once. Printed, as `key=value` lines for bench/run.sh:
- form_*: the whole form, all requesters at once, from the first page to the check page;
- send_*: the final POST of every requester released together: submissions per second
  (requesters / time from release to the last answer), p50 and p99 of its latency;
- heap_max_mb: the most heap in use, sampled every 100 ms from the Prometheus endpoint on the
  management port while the final POSTs ran (and during the form).
Each reference shown is checked against the pattern RD-yyyy-nnnnnn.
"""
import argparse
import email
import email.policy
import os
import re
import struct
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zlib

CSRF = re.compile(r'name="_csrf"\s+value="([^"]+)"|value="([^"]+)"\s+name="_csrf"')
REFERENCE = re.compile(r'id="reference"[^>]*>\s*([^<\s]+)\s*<')
CODE = re.compile(r"(?<![-\d])(\d{6})(?!\d)")


def png(width=120, height=80):
    """A small valid PNG: white with a dark rectangle, as an ID photo stands in for."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            dark = 10 <= x < 50 and 10 <= y < 60
            rows.extend((64, 64, 64) if dark else (255, 255, 255))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows))) + chunk(b"IEND", b"")


PNG = png()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Browser:
    def __init__(self, base):
        self.base = base
        self.cookies = {}
        self.last = ""
        self.path = ""

    def send(self, method, path, body=None, content_type=None):
        url = path if path.startswith("http") else self.base + path
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Accept", "text/html")
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            response = OPENER.open(request, timeout=120)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.headers.get("Location"), response.read().decode("utf-8", "replace")

    def follow(self, status, location, body, path):
        for _ in range(10):
            if status in (301, 302, 303) and location:
                path = urllib.parse.urlsplit(location).path if location.startswith("http") else location
                status, location, body = self.send("GET", path)
                continue
            break
        self.last, self.path = body, path.split("?")[0]
        if status >= 500:
            raise RuntimeError(f"HTTP {status} at {path}")
        return body

    def get(self, path):
        return self.follow(*self.send("GET", path), path)

    def csrf(self):
        match = CSRF.search(self.last)
        if not match:
            raise RuntimeError(f"no CSRF token on {self.path}")
        return match.group(1) or match.group(2)

    def post(self, path, fields):
        fields = dict(fields, _csrf=self.csrf())
        body = urllib.parse.urlencode(fields).encode()
        return self.follow(*self.send("POST", path, body, "application/x-www-form-urlencoded; charset=UTF-8"), path)

    def post_file(self, path, field, filename, content_type, content):
        token = self.csrf()
        boundary = "----bench" + uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{token}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n"
                f"Content-Type: {content_type}\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        target = path + "?_csrf=" + urllib.parse.quote(token)
        return self.follow(*self.send("POST", target, body, "multipart/form-data; boundary=" + boundary), path)


def expect(browser, path, step):
    if browser.path != path:
        raise RuntimeError(f"{step}: at {browser.path}, not {path}")


def wait_for_code(mail_dir, address, deadline):
    path = os.path.join(mail_dir, address.lower() + ".eml")
    while time.time() < deadline:
        if os.path.exists(path):
            with open(path, "rb") as raw:
                message = email.message_from_binary_file(raw, policy=email.policy.default)
            if "code" in (message["Subject"] or "").lower():
                part = message.get_body(preferencelist=("plain", "html"))
                match = CODE.search(part.get_content() if part else "")
                if match:
                    return match.group(1)
        time.sleep(0.2)
    raise RuntimeError(f"no code mail for {address}")


class Requester(threading.Thread):
    def __init__(self, n, args, run, ready, go):
        super().__init__(daemon=True)
        self.n, self.args, self.run_id, self.ready, self.go = n, args, run, ready, go
        self.error = None
        self.reference = None
        self.send_seconds = None
        self.form_end = None

    def run(self):
        browser = Browser(self.args.base)
        name = f"Proef Patiënt {self.n}"
        address = f"bench{self.n}.{self.run_id}@example.test"
        try:
            browser.get("/request/what")
            browser.post("/request/what", {"requestType": "RECORD_COPY", "recordScope": "WHOLE"})
            expect(browser, "/request/patient", "what")
            browser.post("/request/patient", {"name": name, "birthDate": "2-2-1970", "deceased": "false"})
            expect(browser, "/request/requester", "patient")
            browser.post("/request/requester", {"relation": "SELF", "name": name, "email": address,
                                                "phone": "0612345678", "street": "Kade 1", "postalCode": "3011 AB",
                                                "city": "Rotterdam"})
            expect(browser, "/request/documents", "requester")
            browser.post_file("/request/documents", "REQUESTER_ID", "identiteitsbewijs.png", "image/png", PNG)
            expect(browser, "/request/delivery", "documents")
            browser.post("/request/delivery", {"delivery": "POST", "signatureName": name, "declaration": "true"})
            expect(browser, "/request/check", "delivery")
            code = wait_for_code(self.args.mail_dir, address, time.time() + 180)
            browser.get("/request/check")
            self.form_end = time.time()
        except Exception as error:  # noqa: BLE001 - reported per requester
            self.error = f"form: {error}"
        finally:
            self.ready.wait()
        if self.error:
            return
        self.go.wait()
        start = time.time()
        try:
            page = browser.post("/request/check", {"code": code})
            self.send_seconds = time.time() - start
            match = REFERENCE.search(page)
            if browser.path != "/request/sent" or not match or not re.fullmatch(r"RD-\d{4}-\d{6,}", match.group(1)):
                self.error = f"send: at {browser.path}, no reference"
            else:
                self.reference = match.group(1)
        except Exception as error:  # noqa: BLE001
            self.error = f"send: {error}"


class HeapSampler(threading.Thread):
    def __init__(self, url):
        super().__init__(daemon=True)
        self.url, self.max_bytes, self.running = url, 0, True

    def run(self):
        pattern = re.compile(r'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\}\s+(\S+)', re.M)
        while self.running:
            try:
                text = urllib.request.urlopen(self.url, timeout=5).read().decode()
                used = sum(float(v) for v in pattern.findall(text))
                self.max_bytes = max(self.max_bytes, used)
            except Exception:  # noqa: BLE001 - a missed sample is no failure
                pass
            time.sleep(0.1)


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    index = min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[index]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("mail_dir")
    parser.add_argument("--requesters", type=int, default=200)
    parser.add_argument("--heap-url")
    args = parser.parse_args()
    args.base = args.base.rstrip("/")
    run_id = uuid.uuid4().hex[:8]
    ready = threading.Barrier(args.requesters + 1)
    go = threading.Event()
    heap = HeapSampler(args.heap_url) if args.heap_url else None
    if heap:
        heap.start()
    requesters = [Requester(n, args, run_id, ready, go) for n in range(args.requesters)]
    form_start = time.time()
    for requester in requesters:
        requester.start()
    ready.wait()
    form_seconds = max((r.form_end for r in requesters if r.form_end), default=time.time()) - form_start
    send_start = time.time()
    go.set()
    for requester in requesters:
        requester.join(300)
    send_seconds = time.time() - send_start
    if heap:
        heap.running = False
    sent = [r for r in requesters if r.reference]
    errors = [r.error for r in requesters if r.error]
    latencies = [r.send_seconds for r in sent]
    print(f"requesters={args.requesters}")
    print(f"sent={len(sent)}")
    print(f"form_seconds={form_seconds:.2f}")
    print(f"send_seconds={send_seconds:.2f}")
    print(f"send_per_second={len(sent) / send_seconds:.1f}")
    print(f"send_p50_ms={percentile(latencies, 50) * 1000:.0f}")
    print(f"send_p99_ms={percentile(latencies, 99) * 1000:.0f}")
    if heap:
        print(f"heap_max_mb={heap.max_bytes / 1048576:.0f}")
    for error in sorted(set(errors))[:5]:
        print(f"error={error} (x{errors.count(error)})", file=sys.stderr)
    print(f"errors={len(errors)}")


if __name__ == "__main__":
    main()
