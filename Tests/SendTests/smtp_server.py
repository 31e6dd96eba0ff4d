#!/usr/bin/env python3
"""A loopback SMTP server for the SendTests (aiosmtpd), with STARTTLS and AUTH.

Prints one JSON line {"port": N} on stdout once it listens, then serves until its stdin closes
(the test ends it by closing the pipe or with SIGTERM). Every message it accepts is written to
SPOOL/NNN.eml (the bytes as received) with SPOOL/NNN.json (envelope); SPOOL/events.jsonl lists
what clients did (connect, auth, mail, rcpt, data), so a test can tell that nothing was sent.

Modes for the failure tests:
  --reject ADDR        550 for RCPT TO:<ADDR>
  --tempfail ADDR      451 for RCPT TO:<ADDR> the first N times (--tempfail-count, default 1)
  --drop-at K          abort the connection instead of answering the K-th DATA (once)
  --fail-after N       after N accepted messages, abort every connection at MAIL FROM
  --no-starttls        no TLS at all (the client must refuse)
  --implicit-tls       TLS from the first byte (smtps://)
  --reply-text TEXT    append TEXT (with \\x escapes, e.g. \\x1b) to the final 250 of each DATA
  --echo-auth          a failed AUTH gets a 535 that echoes the client's AUTH PLAIN blob
  --hang               accept connections and never say a word (no greeting): a silent server
  --hang-after N       after N accepted messages, never answer MAIL FROM (a server that stalls)
"""
import argparse
import base64
import asyncio
import json
import os
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

p = argparse.ArgumentParser()
p.add_argument("--spool", required=True)
p.add_argument("--cert")
p.add_argument("--key")
p.add_argument("--user", default="star")
p.add_argument("--password", default="")
p.add_argument("--reject", action="append", default=[])
p.add_argument("--tempfail", action="append", default=[])
p.add_argument("--tempfail-count", type=int, default=1)
p.add_argument("--drop-at", type=int, default=0)
p.add_argument("--fail-after", type=int, default=-1)
p.add_argument("--no-starttls", action="store_true")
p.add_argument("--implicit-tls", action="store_true")
p.add_argument("--port", type=int, default=0)
p.add_argument("--reply-text", default="")
p.add_argument("--echo-auth", action="store_true")
p.add_argument("--hang", action="store_true")
p.add_argument("--hang-after", type=int, default=-1)
args = p.parse_args()
args.reply_text = args.reply_text.encode().decode("unicode_escape")
os.makedirs(args.spool, exist_ok=True)
lock = threading.Lock()


def event(kind, **kw):
    with lock:
        with open(os.path.join(args.spool, "events.jsonl"), "a") as f:
            f.write(json.dumps(dict(event=kind, **kw)) + "\n")


class Handler:
    def __init__(self):
        self.tempfails = {}
        self.data_count = 0
        self.accepted = len([n for n in os.listdir(args.spool) if n.endswith(".eml")])
        self.accepted_here = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        event("ehlo", tls=(session.ssl is not None or args.implicit_tls))
        session.host_name = hostname
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        event("mail", address=address, tls=(session.ssl is not None or args.implicit_tls), authenticated=bool(session.authenticated))
        if 0 <= args.hang_after <= self.accepted_here:
            await asyncio.sleep(3600)
        if 0 <= args.fail_after <= self.accepted_here:
            server.transport.abort()
            return "421 4.3.2 going away"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        event("rcpt", address=address)
        if address in args.reject:
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        if address in args.tempfail:
            n = self.tempfails.get(address, 0)
            if n < args.tempfail_count:
                self.tempfails[address] = n + 1
                return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.data_count += 1
        if self.data_count == args.drop_at:
            event("dropped", rcpt=envelope.rcpt_tos)
            server.transport.abort()
            return "421 4.3.2 dropped"
        with lock:
            self.accepted += 1
            self.accepted_here += 1
            n = self.accepted
        base = os.path.join(args.spool, "%03d" % n)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump(dict(mail_from=envelope.mail_from, rcpt_tos=envelope.rcpt_tos,
                           tls=(session.ssl is not None or args.implicit_tls), authenticated=bool(session.authenticated)), f)
        event("data", rcpt=envelope.rcpt_tos)
        return "250 2.0.0 OK queued as Q%03d%s" % (n, args.reply_text)


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
        and auth_data.password.decode() == args.password
    event("auth", ok=ok, mechanism=mechanism)
    if ok:
        return AuthResult(success=True)
    if args.echo_auth and isinstance(auth_data, LoginPassword):
        # a careless server quoting what it got: the PLAIN blob, base64 of \0user\0password
        blob = base64.b64encode(b"\0" + auth_data.login + b"\0" + auth_data.password).decode()
        return AuthResult(success=False, handled=False, message="535 5.7.8 authentication failed for " + blob)
    # handled=False: aiosmtpd then sends the 535 a real server sends
    return AuthResult(success=False, handled=False)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


kw = dict(hostname="127.0.0.1", authenticator=authenticator, auth_required=True, decode_data=False)
if args.no_starttls:
    kw.update(auth_require_tls=False)
elif args.implicit_tls:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(args.cert, args.key)
    kw.update(ssl_context=ctx, auth_require_tls=False)
else:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(args.cert, args.key)
    kw.update(tls_context=ctx, require_starttls=True, auth_require_tls=True)

if args.hang:
    # a listening socket that accepts and then says nothing
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", args.port))
    srv.listen(16)
    held = []

    def serve():
        while True:
            conn, _ = srv.accept()
            held.append(conn)
            event("connect")

    threading.Thread(target=serve, daemon=True).start()
    print(json.dumps(dict(port=srv.getsockname()[1])), flush=True)
    sys.stdin.read()
    sys.exit(0)

port = args.port
for attempt in range(20):
    try:
        controller = Controller(Handler(), port=port or free_port(), **kw)
        controller.start()
        break
    except Exception:
        if args.port or attempt == 19:
            raise
print(json.dumps(dict(port=controller.port)), flush=True)
try:
    sys.stdin.read()
finally:
    controller.stop()
