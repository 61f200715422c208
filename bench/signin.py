#!/usr/bin/env python3
"""Signs a staff member in through the portal's own login flow and prints the session cookie.

    bench/signin.py http://127.0.0.1:18080 bench.balie benchmark-wachtwoord

The password form (with its CSRF token), then the second factor: at the first sign-in the
enrolment page shows the TOTP key as text, which is what a member types into an authenticator
app; this script computes the code from it (RFC 6238: HMAC-SHA1, 30 s, 6 digits) as the app
would, and keeps the key in the file named by --key-file for later sign-ins. Prints
"name=value" of the session cookie, for wrk's Cookie header. Cookies are handled here rather
than by http.cookiejar: the session cookie is Secure (prod-like), and this runs over plain http
on loopback.
"""
import base64
import hashlib
import hmac
import html
import re
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Browser:
    def __init__(self, base):
        self.base = base
        self.cookies = {}

    def _send(self, method, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        url = path if path.startswith("http") else self.base + path
        request = urllib.request.Request(url, data=data, method=method)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if data is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            response = OPENER.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        body = response.read().decode("utf-8", "replace")
        return response.status, response.headers.get("Location"), body

    def get(self, path):
        """GET, following redirects; returns (final path, body)."""
        for _ in range(10):
            status, location, body = self._send("GET", path)
            if status in (301, 302, 303, 307) and location:
                path = location
                continue
            return path, status, body
        raise SystemExit("too many redirects from " + path)

    def post(self, path, form):
        status, location, body = self._send("POST", path, form)
        if status in (301, 302, 303) and location:
            return self.get(location)
        return path, status, body


def csrf(body):
    match = re.search(r'name="_csrf"\s+value="([^"]+)"', body) or re.search(r'value="([^"]+)"\s+name="_csrf"', body)
    if not match:
        raise SystemExit("no CSRF token on the page")
    return html.unescape(match.group(1))


def totp(secret, at=None):
    key = base64.b32decode(secret.replace(" ", "").upper() + "=" * (-len(secret.replace(" ", "")) % 8))
    step = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000
    return f"{code:06d}", step


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--key-file=")]
    key_file = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--key-file=")), None)
    if len(args) != 3:
        raise SystemExit("usage: signin.py BASE_URL USERNAME PASSWORD [--key-file=FILE]")
    base, username, password = args
    browser = Browser(base.rstrip("/"))
    _, _, page = browser.get("/login")
    path, status, page = browser.post("/login", {"username": username, "password": password, "_csrf": csrf(page)})
    if "/login/totp" not in path:
        raise SystemExit(f"the password step did not lead to the second factor (at {path}, {status})")
    enrol = re.search(r'id="totp-secret"[^>]*>([^<]+)<', page)
    if enrol:
        secret = html.unescape(enrol.group(1)).strip()
        if key_file:
            with open(key_file, "w") as out:
                out.write(secret + "\n")
    elif key_file:
        with open(key_file) as stored:
            secret = stored.read().strip()
    else:
        raise SystemExit("the account has enrolled already and no --key-file holds its key")
    code, step = totp(secret)
    path, status, page = browser.post("/login/totp", {"code": code, "_csrf": csrf(page)})
    if "/login" in path:
        # a code is taken once per step: a second sign-in within the same 30 s waits for the next
        time.sleep(max(0.0, (step + 1) * 30 - time.time()) + 0.5)
        _, _, page = browser.get("/login/totp")
        code, _ = totp(secret)
        path, status, page = browser.post("/login/totp", {"code": code, "_csrf": csrf(page)})
    if "/login" in path or status != 200:
        raise SystemExit(f"the second factor was not accepted (at {path}, {status})")
    session = next((f"{k}={v}" for k, v in browser.cookies.items() if k.endswith("SESSION")), None)
    if not session:
        raise SystemExit("signed in, but no session cookie was set")
    print(session)


if __name__ == "__main__":
    main()
