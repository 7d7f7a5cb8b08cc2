#!/usr/bin/env python3
"""A loopback OAuth token server that behaves as each seed document says.

One process serves every provider under its own path prefix, e.g.
``POST /aiia/token``. Each provider checks the request shape its document demands
(JSON or form body, HTTP Basic or credentials in the body) and answers the way the
document shows:

  aiia     JSON body, Basic auth; rotates the refresh token on every refresh and the
           old one stops working; the refresh token is a JWT whose exp is 14 days out.
  wise     form body, Basic auth; standard answer; the previous access token dies at once;
           a revoked refresh token gets invalid_grant.
  auth0    JSON body, client_id in the body and no secret; no refresh_token in the answer;
           an optional scope parameter may only narrow the granted scopes.
  edgetag  form body, Basic auth; the answer holds only access_token and expires_in.
  pagero   form body, Basic auth or client_id + client_secret in the body; every refresh
           token works once; reusing a spent one revokes the whole family.

The browser side, for `tether connect`:
  GET  /{provider}/authorize   response_type=code, client_id, a loopback redirect_uri, state,
                               (a "refuse-code" fault refuses the next code exchange with
                               invalid_grant, "code-unauthorized" with 403 unauthorized_client)
                               code_challenge with method S256 (required) -> 302 to the
                               redirect_uri with code and state (or error=access_denied after a
                               "deny" fault). The code works once, for that redirect_uri and
                               the verifier of that challenge.
  POST /{provider}/token       grant_type=authorization_code as well as refresh_token
  POST /{provider}/revoke      RFC 7009: revokes the token's whole family; always 200
  GET  /{provider}/.well-known/openid-configuration   the provider as an OpenID issuer

The providers people have, beyond the seed documents, behave as their public documents say:
google (a refresh token only for access_type=offline with prompt=consent, never rotated, dead
ones "invalid_grant: Token has been expired or revoked."; config refresh_lifetime emulates the
7-day tokens of apps in testing), microsoft (a public client; a refresh token only with the
offline_access scope, a new one on every refresh while the old one stays good; AADSTS codes in
error_description and error_codes), github (secret in the body; single-use refresh tokens of six
months; form-encoded answers unless the client accepts JSON; errors answered with 200 OK).

Test control lives under /_control (JSON in, JSON out):
  POST /_control/grant   {"provider", "access_lifetime"?}  -> a fresh token answer (to import)
  POST /_control/fault   {"provider", "mode", "count"?, "retry_after"?}
  POST /_control/revoke  {"provider"}                       -> revoke every family
  POST /_control/config  {"provider", "access_lifetime"?, "delay_ms"?, "client_secret"?, "basic"?,
                          "require_nonce"?, "nonce"?, "revoke"?}
                         (require_nonce: an authorization request with "openid" in its scope
                         and no nonce is refused, "nonce required", as some OpenID servers do;
                         nonce: what the id_token of a code exchange carries, "echo" (the
                         default: the request's), "other" or "none"; revoke: "family", the
                         default, ends the whole grant on any revocation, "token" only the token
                         presented, as some servers do)
                         (delay: after a refresh has rotated the token, before the answer goes
                         out; basic: "raw", the default, compares HTTP Basic credentials as sent,
                         as many servers do, or "decode", form-decodes them first as RFC 6749
                         §2.3.1 asks)
  GET  /_control/log                                         -> every token request seen
  GET  /_control/wait?provider=P&outcome=ok&count=N&timeout=S -> the log, once it holds N such
                                                                 entries (or 408 after S seconds)
  GET  /_control/settle?timeout=S   -> once every other connection has been handled (408 after S)
  GET  /{provider}/check  with "Authorization: Bearer T"     -> 200 if T is a live access token
  POST /{provider}/introspect  token=T (RFC 7662)            -> {"active", "username": me@example.com}

Besides token requests, the log records what a client that died mid-request left behind: a
connection that carried no request ("no_request") and a body cut short ("incomplete").

Start: tokenserver.py [--port N]; the first line it prints is the port, once it listens.
"""

import argparse
import base64
import json
import secrets
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

CLIENTS = {
    "aiia": ("tether-aiia", "aiia-secret-Zq81"),
    "wise": ("tether-wise", "wise-secret-Kd02"),
    "auth0": ("tether-auth0", None),
    "edgetag": ("tether-edgetag", "edgetag-secret-Xy55"),
    "pagero": ("tether-pagero", "pagero-secret-Pw77"),
    # The providers people have (resources/providers/README.md), as their documents say:
    "google": ("tether-google.apps.googleusercontent.com", "google-secret-Gx31"),
    "microsoft": ("tether-microsoft", None),  # a public desktop client
    "github": ("tether-github", "github-secret-Hb90"),
}
FAULT_MODES = {
    "500", "502", "503", "504", "429", "503-retry", "refuse", "reset", "truncated", "hang",
    "huge", "html", "wrong-types", "no-access-token", "invalid_client", "invalid_scope",
    "invalid_grant", "invalid_request", "drop-after-rotate", "deny", "control-chars", "302", "404",
    "refuse-code", "bare-400", "code-unauthorized",
}


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(claims):
    header = b64url(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    body = b64url(json.dumps(claims).encode())
    return f"{header}.{body}.{b64url(secrets.token_bytes(16))}"


class Family:
    """One chain of refresh tokens, born from one grant."""

    def __init__(self, provider):
        self.provider = provider
        self.revoked = False


class State:
    def __init__(self):
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.refresh = {}  # refresh token -> {"family", "spent", "provider"}
        self.access = {}  # access token -> {"provider", "expires", "family", "alive"}
        self.log = []
        self.codes = {}  # code -> {"provider", "redirect_uri", "challenge", "used"}
        self.faults = {}  # provider -> list of pending fault dicts
        self.lifetime = {"aiia": 3600, "wise": 43200, "auth0": 86400, "edgetag": 7200, "pagero": 600,
                         "google": 3599, "microsoft": 3600, "github": 28800}
        self.refresh_lifetime = {}  # provider -> seconds a refresh token lives (Google's 7-day testing apps)
        self.delay_ms = {}
        self.client_secret = {}  # provider -> a secret replacing CLIENTS' (reserved characters)
        self.basic = {}  # provider -> "raw" (default) or "decode"
        self.require_nonce = {}  # provider -> bool
        self.nonce = {}  # provider -> "echo" (default), "other" or "none"
        self.revoke = {}  # provider -> "family" (default: a revocation ends the grant) or "token"
        self.connections = 0  # open client connections, this one included while it is handled

    def new_refresh(self, provider, family):
        if provider == "aiia":
            token = jwt({"role": "RefreshToken", "exp": int(time.time()) + 14 * 86400,
                         "jti": secrets.token_hex(8)})
        elif provider == "pagero":
            token = "_1" + secrets.token_hex(4).upper() + "_" + secrets.token_hex(16)
        elif provider == "google":
            token = "1//0" + secrets.token_urlsafe(32)
        elif provider == "github":
            token = "ghr_" + secrets.token_hex(38)
        else:
            token = secrets.token_urlsafe(32)
        self.refresh[token] = {"family": family, "spent": False, "provider": provider, "issued": time.time()}
        return token

    def new_access(self, provider, family):
        if provider in ("aiia", "pagero", "microsoft"):
            token = jwt({"sub": "user", "jti": secrets.token_hex(8)})
        elif provider == "google":
            token = "ya29." + secrets.token_urlsafe(40)
        elif provider == "github":
            token = "ghu_" + secrets.token_hex(18)
        else:
            token = secrets.token_urlsafe(32)
        lifetime = self.lifetime[provider]
        self.access[token] = {"provider": provider, "expires": time.time() + lifetime,
                              "family": family, "alive": True}
        return token, lifetime

    def answer(self, provider, family, rotate_from=None, offline=True):
        """A token answer; `offline`: the sign-in asked for a refresh token the way the provider
        demands (Google: access_type=offline with prompt=consent; Microsoft: offline_access)."""
        access, lifetime = self.new_access(provider, family)
        if provider == "google":
            # A refresh answer never carries a refresh token: the one the client has stays.
            body = {"access_token": access, "expires_in": lifetime, "scope": "openid email",
                    "token_type": "Bearer"}
            if rotate_from is None and offline:
                body["refresh_token"] = self.new_refresh(provider, family)
            return body
        if provider == "microsoft":
            # Every refresh brings a new refresh token; the old one is not spent by it.
            body = {"token_type": "Bearer", "scope": "openid offline_access", "expires_in": lifetime,
                    "ext_expires_in": lifetime, "access_token": access}
            if offline:
                body["refresh_token"] = self.new_refresh(provider, family)
            return body
        if provider == "github":
            return {"access_token": access, "expires_in": lifetime,
                    "refresh_token": self.new_refresh(provider, family),
                    "refresh_token_expires_in": 15811200, "scope": "", "token_type": "bearer"}
        if provider == "wise":
            # "the previous access token is immediately invalidated"
            for info in self.access.values():
                if info["family"] is family and info is not self.access[access]:
                    info["alive"] = False
        if provider == "aiia":
            return {"access_token": access, "expires_in": lifetime, "redirect_uri": None,
                    "refresh_token": self.new_refresh(provider, family), "token_type": "bearer"}
        if provider == "wise":
            refresh = rotate_from or self.new_refresh(provider, family)
            return {"access_token": access, "token_type": "bearer", "refresh_token": refresh,
                    "expires_in": lifetime, "scope": "transfers"}
        if provider == "auth0":
            body = {"access_token": access, "expires_in": lifetime,
                    "scope": "openid offline_access read:things",
                    "id_token": jwt({"sub": "user"}), "token_type": "Bearer"}
            if rotate_from is None:
                body["refresh_token"] = self.new_refresh(provider, family)
            return body
        if provider == "edgetag":
            body = {"access_token": access, "expires_in": lifetime}
            if rotate_from is None:
                body["refresh_token"] = self.new_refresh(provider, family)
            return body
        # pagero
        return {"token_type": "bearer", "access_token": access,
                "refresh_token": self.new_refresh(provider, family), "scope": "",
                "claims": "publicid", "expires_in": lifetime}


# How each provider says a refresh token is dead: (error, error_description).
DEAD_GRANT = {
    "*": {"unknown": ("invalid_grant", "unknown refresh token"),
          "revoked": ("invalid_grant", "the refresh token was revoked"),
          "expired": ("invalid_grant", "the refresh token expired")},
    "google": {"unknown": ("invalid_grant", "Bad Request"),
               "revoked": ("invalid_grant", "Token has been expired or revoked."),
               "expired": ("invalid_grant", "Token has been expired or revoked.")},
    "microsoft": {"unknown": ("invalid_grant", "AADSTS9002313: Invalid request. Request is malformed or invalid."),
                  "revoked": ("invalid_grant", "AADSTS50173: The provided grant has expired due to it being "
                                               "revoked, a fresh auth token is needed."),
                  "expired": ("invalid_grant", "AADSTS70008: The provided authorization code or refresh token "
                                               "has expired due to inactivity.")},
    "github": {"unknown": ("bad_refresh_token", "The refresh token passed is incorrect or expired."),
               "revoked": ("bad_refresh_token", "The refresh token passed is incorrect or expired."),
               "expired": ("bad_refresh_token", "The refresh token passed is incorrect or expired.")},
}

MAIL_USER = "me@example.com"  # whose every access token is, for introspection

STATE = State()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "tokenserver/1"

    def log_message(self, *args):  # keep test output quiet
        pass

    def setup(self):
        super().setup()
        self.requests_seen = 0
        with STATE.lock:
            STATE.connections += 1

    def parse_request(self):
        self.requests_seen += 1
        return super().parse_request()

    def finish(self):
        try:
            super().finish()
        finally:
            with STATE.lock:
                STATE.connections -= 1
                if not self.requests_seen:
                    STATE.log.append({"provider": "", "time": time.time(), "outcome": "no_request"})
                STATE.changed.notify_all()

    # --- plumbing -------------------------------------------------------------------------
    def send_json(self, status, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def error(self, status, code, description=""):
        body = {"error": code, "error_description": description}
        if getattr(self, "provider", None) == "microsoft" and description.startswith("AADSTS"):
            body["error_codes"] = [int(description[6:11])]
        # GitHub answers its errors with 200 OK (its "Refreshing user access tokens" page).
        self.send_json(200 if getattr(self, "provider", None) == "github" else status, body)

    # --- routing --------------------------------------------------------------------------
    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) == 3 and parts[0] in CLIENTS and parts[1:] == [".well-known", "openid-configuration"]:
            return self.discovery(parts[0])
        if self.path == "/_control/log":
            with STATE.lock:
                return self.send_json(200, STATE.log)
        if self.path.startswith("/_control/wait?"):
            query = dict(parse_qsl(self.path.split("?", 1)[1]))
            want, deadline = int(query.get("count", 1)), time.time() + float(query.get("timeout", 60))

            def matching():
                return [e for e in STATE.log if e["provider"] == query.get("provider", e["provider"])
                        and e.get("outcome") == query.get("outcome", "ok")]
            with STATE.changed:
                while len(matching()) < want and time.time() < deadline:
                    STATE.changed.wait(deadline - time.time())
                return self.send_json(200 if len(matching()) >= want else 408, STATE.log)
        if self.path.startswith("/_control/settle"):
            query = dict(parse_qsl(self.path.split("?", 1)[-1]))
            deadline = time.time() + float(query.get("timeout", 10))
            with STATE.changed:
                while STATE.connections > 1 and time.time() < deadline:
                    STATE.changed.wait(deadline - time.time())
                return self.send_json(200 if STATE.connections <= 1 else 408, {})
        if len(parts) == 2 and parts[1].startswith("authorize") and parts[0] in CLIENTS:
            return self.authorize(parts[0], dict(parse_qsl(self.path.split("?", 1)[-1])))
        if len(parts) == 2 and parts[1] == "check":
            auth = self.headers.get("Authorization", "")
            token = auth[7:] if auth.startswith("Bearer ") else ""
            with STATE.lock:
                info = STATE.access.get(token)
                ok = bool(info and info["alive"] and info["expires"] > time.time()
                          and info["provider"] == parts[0] and not info["family"].revoked)
            return self.send_json(200 if ok else 401, {"active": ok})
        self.send_json(404, {"error": "not_found"})

    def do_POST(self):
        body = self.read_body()
        parts = self.path.strip("/").split("/")
        if len(body) < int(self.headers.get("Content-Length") or 0):
            # The client went away after the header, before its whole body: nothing is acted on,
            # but the crash tests want to know that a request had started to arrive.
            with STATE.lock:
                STATE.log.append({"provider": parts[0], "time": time.time(), "outcome": "incomplete",
                                  "path": self.path, "received": len(body)})
                STATE.changed.notify_all()
            self.close_connection = True
            return
        if parts[0] == "_control":
            return self.control(parts[1] if len(parts) > 1 else "", json.loads(body or b"{}"))
        if len(parts) == 2 and parts[1] == "token" and parts[0] in CLIENTS:
            return self.token(parts[0], body)
        if len(parts) == 2 and parts[1] == "introspect" and parts[0] in CLIENTS:
            return self.introspect(parts[0], body)
        if len(parts) == 2 and parts[1] == "revoke" and parts[0] in CLIENTS:
            return self.revoke(parts[0], body)
        self.send_json(404, {"error": "not_found"})

    def control(self, what, request):
        provider = request.get("provider")
        with STATE.lock:
            if what == "grant":
                if "access_lifetime" in request:
                    STATE.lifetime[provider] = int(request["access_lifetime"])
                return self.send_json(200, STATE.answer(provider, Family(provider)))
            if what == "config":
                if "access_lifetime" in request:
                    STATE.lifetime[provider] = int(request["access_lifetime"])
                if "delay_ms" in request:
                    STATE.delay_ms[provider] = int(request["delay_ms"])
                if "client_secret" in request:
                    STATE.client_secret[provider] = request["client_secret"]
                if "basic" in request:
                    STATE.basic[provider] = request["basic"]
                if "require_nonce" in request:
                    STATE.require_nonce[provider] = bool(request["require_nonce"])
                if "nonce" in request:
                    STATE.nonce[provider] = request["nonce"]
                if "refresh_lifetime" in request:
                    STATE.refresh_lifetime[provider] = int(request["refresh_lifetime"])
                if "revoke" in request:
                    STATE.revoke[provider] = request["revoke"]
                return self.send_json(200, {})
            if what == "fault":
                if request["mode"] not in FAULT_MODES:
                    return self.send_json(400, {"error": "unknown fault"})
                STATE.faults.setdefault(provider, []).extend([request] * int(request.get("count", 1)))
                return self.send_json(200, {})
            if what == "revoke":
                for info in STATE.refresh.values():
                    if info["provider"] == provider:
                        info["family"].revoked = True
                return self.send_json(200, {})
            if what == "reset-log":
                STATE.log.clear()
                return self.send_json(200, {})
        self.send_json(404, {"error": "unknown control"})

    def discovery(self, provider):
        """Each provider as an OpenID issuer of its own (for the built-in `oidc` profile)."""
        base = f"http://127.0.0.1:{self.server.server_address[1]}/{provider}"
        self.send_json(200, {
            "issuer": base, "authorization_endpoint": base + "/authorize", "token_endpoint": base + "/token",
            "revocation_endpoint": base + "/revoke", "response_types_supported": ["code"],
            "code_challenge_methods_supported": ["S256"], "scopes_supported": ["openid", "offline_access"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic"]})

    # --- the browser side -----------------------------------------------------------------
    def authorize(self, provider, query):
        from urllib.parse import urlencode, urlsplit
        client_id, _ = CLIENTS[provider]
        redirect = query.get("redirect_uri", "")
        target = urlsplit(redirect)
        if (query.get("client_id") != client_id or target.scheme != "http"
                or target.hostname not in ("127.0.0.1", "::1") or not target.port):
            return self.send_json(400, {"error": "invalid_request", "error_description": "bad client or redirect"})
        with STATE.lock:
            pending = STATE.faults.get(provider, [])
            fault = pending.pop(0) if pending and pending[0]["mode"] == "deny" else None
            STATE.log.append({"provider": provider, "time": time.time(), "grant_type": "authorize",
                              "outcome": "deny" if fault else "ok", "query": query})
            STATE.changed.notify_all()
            if fault and fault["mode"] == "deny":
                params = {"error": "access_denied", "error_description": "The user said no",
                          "state": query.get("state", "")}
            elif query.get("response_type") != "code" or query.get("code_challenge_method") != "S256" \
                    or len(query.get("code_challenge", "")) != 43:
                params = {"error": "invalid_request", "state": query.get("state", "")}
            elif "openid" in query.get("scope", "").split() and STATE.require_nonce.get(provider) \
                    and not query.get("nonce"):
                params = {"error": "invalid_request", "error_description": "nonce required",
                          "state": query.get("state", "")}
            else:
                code = secrets.token_urlsafe(24)
                scopes = query.get("scope", "").split()
                offline = True
                if provider == "google":
                    offline = query.get("access_type") == "offline" and query.get("prompt") == "consent"
                elif provider == "microsoft":
                    offline = "offline_access" in scopes
                STATE.codes[code] = {"provider": provider, "redirect_uri": redirect,
                                     "challenge": query["code_challenge"], "used": False,
                                     "openid": "openid" in scopes, "offline": offline,
                                     "nonce": query.get("nonce")}
                params = {"code": code, "state": query.get("state", "")}
        self.send_response(302)
        self.send_header("Location", redirect + "?" + urlencode(params))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def introspect(self, provider, raw):
        """RFC 7662 token introspection, as a mail server (Dovecot's oauth2 passdb) asks it: is
        this access token live, and whose is it. Loopback only, so unauthenticated here."""
        token = dict(parse_qsl(raw.decode(), keep_blank_values=True)).get("token", "")
        with STATE.lock:
            info = STATE.access.get(token)
            live = bool(info and info["alive"] and info["expires"] > time.time()
                        and info["provider"] == provider and not info["family"].revoked)
            STATE.log.append({"provider": provider, "time": time.time(), "grant_type": "introspect",
                              "outcome": "active" if live else "inactive"})
            STATE.changed.notify_all()
        if not live:
            return self.send_json(200, {"active": False})
        self.send_json(200, {"active": True, "username": MAIL_USER, "client_id": CLIENTS[provider][0],
                             "token_type": "Bearer", "exp": int(info["expires"])})

    def revoke(self, provider, raw):
        self.provider = provider
        client_id, client_secret = CLIENTS[provider]
        client_secret = STATE.client_secret.get(provider, client_secret)
        params = dict(parse_qsl(raw.decode(), keep_blank_values=True))
        entry = {"provider": provider, "time": time.time(), "grant_type": "revoke",
                 "token_type_hint": params.get("token_type_hint")}
        if not self.client_ok(provider, params, client_id, client_secret, entry):
            return self.reject(entry, 401, "invalid_client", "")
        with STATE.lock:
            token = params.get("token", "")
            info = STATE.refresh.get(token) or STATE.access.get(token)
            if info and STATE.revoke.get(provider, "family") == "token":
                # As some servers do: only the token presented dies, not the rest of its grant.
                if token in STATE.refresh:
                    del STATE.refresh[token]
                else:
                    info["alive"] = False
            elif info:
                info["family"].revoked = True
            entry["outcome"] = "revoked" if info else "unknown"
            STATE.log.append(entry)
            STATE.changed.notify_all()
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def code_grant(self, provider, params, entry):
        import hashlib
        with STATE.lock:
            pending = STATE.faults.get(provider, [])
            if pending and pending[0]["mode"] == "refuse-code":
                pending.pop(0)
                return self.reject(entry, 400, "invalid_grant", "the code was refused")
            if pending and pending[0]["mode"] == "code-unauthorized":  # a wrong client secret, as
                pending.pop(0)                                           # some servers say it
                return self.reject(entry, 403, "unauthorized_client", "")
            grant = STATE.codes.get(params.get("code", ""))
            if not grant or grant["provider"] != provider or grant["used"]:
                return self.reject(entry, 400, "invalid_grant", "unknown or used code")
            grant["used"] = True
            entry["code"] = params.get("code")  # recorded so the leak tests can search for them
            entry["code_verifier"] = params.get("code_verifier")
            if params.get("redirect_uri") != grant["redirect_uri"]:
                return self.reject(entry, 400, "invalid_grant", "redirect_uri differs")
            verifier = params.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if challenge != grant["challenge"]:
                return self.reject(entry, 400, "invalid_grant", "PKCE verification failed")
            answer = STATE.answer(provider, Family(provider), offline=grant["offline"])
            if grant["openid"]:  # an OpenID sign-in: an id_token with the request's nonce
                claims = {"sub": "user", "aud": CLIENTS[provider][0]}
                mode = STATE.nonce.get(provider, "echo")
                if mode == "echo" and grant["nonce"]:
                    claims["nonce"] = grant["nonce"]
                elif mode == "other":
                    claims["nonce"] = "not-" + (grant["nonce"] or "sent")
                answer["id_token"] = jwt(claims)
            entry["outcome"] = "ok"
            entry["issued_refresh_token"] = answer.get("refresh_token")
            STATE.log.append(entry)
            STATE.changed.notify_all()
        self.send_answer(provider, answer)

    def send_answer(self, provider, answer):
        # GitHub answers form-encoded unless the client asks for JSON.
        if provider == "github" and "application/json" not in self.headers.get("Accept", ""):
            data = urlencode({k: v for k, v in answer.items() if v is not None}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/x-www-form-urlencoded")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self.send_json(200, answer)

    # --- the token endpoint ---------------------------------------------------------------
    def token(self, provider, raw):
        self.provider = provider
        client_id, client_secret = CLIENTS[provider]
        client_secret = STATE.client_secret.get(provider, client_secret)
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip()
        wants_json = provider in ("aiia", "auth0")
        entry = {"provider": provider, "time": time.time(), "content_type": content_type}

        try:
            if wants_json:
                if content_type != "application/json":
                    return self.reject(entry, 400, "invalid_request", "expected a JSON body")
                params = json.loads(raw)
                if not isinstance(params, dict) or not all(isinstance(v, str) for v in params.values()):
                    return self.reject(entry, 400, "invalid_request", "JSON members must be strings")
            else:
                if content_type != "application/x-www-form-urlencoded":
                    return self.reject(entry, 400, "invalid_request", "expected a form body")
                params = dict(parse_qsl(raw.decode(), keep_blank_values=True, strict_parsing=True))
        except (ValueError, UnicodeDecodeError):
            return self.reject(entry, 400, "invalid_request", "unreadable body")

        entry["refresh_token"] = params.get("refresh_token")
        entry["grant_type"] = params.get("grant_type")
        if not self.client_ok(provider, params, client_id, client_secret, entry):
            return self.reject(entry, 401, "invalid_client", "client authentication failed")
        if params.get("grant_type") == "authorization_code":
            return self.code_grant(provider, params, entry)
        if params.get("grant_type") != "refresh_token":
            return self.reject(entry, 400, "unsupported_grant_type", "")

        with STATE.lock:
            fault = STATE.faults.get(provider, [None]).pop(0) if STATE.faults.get(provider) else None
        if fault:
            entry["fault"] = fault["mode"]
            if self.inject(fault, provider, params, entry):
                return

        with STATE.lock:
            token = params.get("refresh_token", "")
            info = STATE.refresh.get(token)
            if not info or info["provider"] != provider:
                return self.reject(entry, 400, *DEAD_GRANT.get(provider, DEAD_GRANT["*"])["unknown"])
            family = info["family"]
            if family.revoked:
                return self.reject(entry, 400, *DEAD_GRANT.get(provider, DEAD_GRANT["*"])["revoked"])
            lifetime = STATE.refresh_lifetime.get(provider)
            if lifetime is not None and time.time() > info["issued"] + lifetime:
                return self.reject(entry, 400, *DEAD_GRANT.get(provider, DEAD_GRANT["*"])["expired"])
            if info["spent"]:
                if provider == "pagero":
                    family.revoked = True  # reuse detection: the whole family dies
                    entry["reuse_detected"] = True
                if provider == "github":
                    return self.reject(entry, 400, *DEAD_GRANT["github"]["unknown"])
                return self.reject(entry, 400, "invalid_grant", "the refresh token was already used")
            if provider == "auth0" and "scope" in params:
                granted = set("openid offline_access read:things".split())
                if not set(params["scope"].split()) <= granted:
                    return self.reject(entry, 400, "invalid_scope", "scope beyond the grant")
            if provider in ("aiia", "pagero", "github"):
                info["spent"] = True
            answer = STATE.answer(provider, family, rotate_from=token)
            entry["outcome"] = "ok"
            entry["issued_refresh_token"] = answer.get("refresh_token")
            STATE.log.append(entry)
            STATE.changed.notify_all()
        delay = STATE.delay_ms.get(provider, 0)
        if delay:
            time.sleep(delay / 1000)  # the window in which the client may die with the answer
        if fault and fault["mode"] == "drop-after-rotate":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_answer(provider, answer)

    def client_ok(self, provider, params, client_id, client_secret, entry):
        auth = self.headers.get("Authorization", "")
        if provider == "auth0":
            entry["client_auth"] = "none"
            return not auth and params.get("client_id") == client_id and "client_secret" not in params
        if auth.startswith("Basic "):
            try:
                user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            except ValueError:
                return False
            if STATE.basic.get(provider, "raw") == "decode":
                from urllib.parse import unquote_plus
                user, password = unquote_plus(user), unquote_plus(password)
            entry["client_auth"] = "basic"
            return user == client_id and password == client_secret and "client_secret" not in params
        if provider == "microsoft":  # a public client: its id in the body, nothing else
            entry["client_auth"] = "none"
            return params.get("client_id") == client_id and "client_secret" not in params
        if provider in ("pagero", "google", "github") and "client_secret" in params:
            entry["client_auth"] = "post"
            return params.get("client_id") == client_id and params["client_secret"] == client_secret
        return False

    def reject(self, entry, status, code, description):
        entry["outcome"] = code
        with STATE.lock:
            STATE.log.append(entry)
            STATE.changed.notify_all()
        self.error(status, code, description)

    def inject(self, fault, provider, params, entry):
        """Answers with a fault; returns False for faults that happen after a real refresh."""
        mode = fault["mode"]
        if mode == "drop-after-rotate":
            return False
        entry["outcome"] = "fault:" + mode
        with STATE.lock:
            STATE.log.append(entry)
            STATE.changed.notify_all()
        if mode in ("500", "502", "504"):
            self.send_json(int(mode), {"error": "server_error"})
        elif mode in ("429", "503-retry"):
            self.send_json(429 if mode == "429" else 503, {"error": "slow down"},
                           {"Retry-After": str(fault.get("retry_after", "7"))})
        elif mode == "503":
            self.send_json(503, {"error": "temporarily_unavailable"})
        elif mode in ("invalid_client", "invalid_scope", "invalid_grant", "invalid_request"):
            self.error(401 if mode == "invalid_client" else 400, mode, "injected")
        elif mode == "bare-400":  # as some servers refuse a disabled refresh token: no body at all
            self.send_response(400)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif mode == "control-chars":
            # A header injection: what `curl -H "Authorization: Bearer $(tether token x)"` would send.
            self.send_json(200, {"access_token": "AT\r\nX-Injected: yes", "token_type": "bearer",
                                 "expires_in": 3600, "refresh_token": "RT\u001b[2J"})
        elif mode == "302":
            self.send_response(302)
            self.send_header("Location", "https://elsewhere.example/token")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif mode == "404":
            self.send_json(404, {"detail": "not found"})
        elif mode == "html":
            data = b"<html><body>Bad gateway</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif mode == "wrong-types":
            self.send_json(200, {"access_token": 12345, "expires_in": "soon", "token_type": ["bearer"]})
        elif mode == "no-access-token":
            self.send_json(200, {"token_type": "bearer", "expires_in": 3600})
        elif mode == "truncated":
            data = json.dumps({"access_token": "x" * 40, "expires_in": 3600}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data) + 50))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.close_connection = True
        elif mode in ("reset", "refuse"):
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif mode == "hang":
            time.sleep(float(fault.get("seconds", 60)))
            self.close_connection = True
        elif mode == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(64 * 1024 * 1024))
            self.end_headers()
            chunk = b" " * 65536
            try:
                for _ in range(1024):
                    self.wfile.write(chunk)
            except OSError:
                pass
            self.close_connection = True
        return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    # The first line on stdout is the port, once the socket listens.
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
