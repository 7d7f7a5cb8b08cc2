#!/usr/bin/env python3
"""A git server on 127.0.0.1 for the credential helper's tests: git's own smart HTTP server
(`git http-backend`, run as CGI per request) behind HTTP Basic authentication that accepts a
password only if the loopback token server says it is a live access token
(GET {token server}/{provider}/check). Anything else gets 401, as a forge does for a revoked
token, which is what makes git call its helper's `erase`.

    gitserver.py ROOT TOKEN_SERVER_BASE PROVIDER
Prints the port once it listens. ROOT holds the bare repositories; pushing is allowed. Every
request's user name and outcome are appended to ROOT/requests.log (never the password)."""

import base64
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT, TOKEN_SERVER, PROVIDER = sys.argv[1], sys.argv[2], sys.argv[3]
LOG_LOCK = threading.Lock()


def token_is_live(token):
    request = urllib.request.Request(f"{TOKEN_SERVER}/{PROVIDER}/check", headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return False


def log(line):
    with LOG_LOCK, open(os.path.join(ROOT, "requests.log"), "a") as out:
        out.write(line + "\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def refuse(self):
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="tether-test"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def handle_git(self):
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            log("anonymous 401")
            return self.refuse()
        user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        if not token_is_live(password):
            log(f"{user} 401")
            return self.refuse()
        log(f"{user} ok {self.command} {self.path.split('?')[0]}")
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        env = dict(os.environ, GIT_PROJECT_ROOT=ROOT, GIT_HTTP_EXPORT_ALL="1", REQUEST_METHOD=self.command,
                   PATH_INFO=path, QUERY_STRING=query, CONTENT_TYPE=self.headers.get("Content-Type", ""),
                   CONTENT_LENGTH=str(len(body)), REMOTE_USER=user, REMOTE_ADDR="127.0.0.1",
                   GIT_CONFIG_COUNT="1", GIT_CONFIG_KEY_0="http.receivepack", GIT_CONFIG_VALUE_0="true")
        encoding = self.headers.get("Content-Encoding")
        if encoding:
            env["HTTP_CONTENT_ENCODING"] = encoding
        result = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True, timeout=60)
        head, _, content = result.stdout.partition(b"\r\n\r\n")
        if not _:
            head, _, content = result.stdout.partition(b"\n\n")
        status = 200
        headers = []
        for line in head.decode("latin-1").splitlines():
            name, _, value = line.partition(":")
            if name.lower() == "status":
                status = int(value.strip().split()[0])
            elif name:
                headers.append((name, value.strip()))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    do_GET = handle_git
    do_POST = handle_git


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
