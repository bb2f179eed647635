"""Guards: a token for writing, a cap on request bodies, and pages that run no foreign code."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from armswatch.web.settings import Settings

TOKEN_HEADER = "X-Armswatch-Token"
# Pages load scripts and styles from this server only; nothing inline can run.
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
               "frame-ancestors 'none'; form-action 'self'")


def presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get(TOKEN_HEADER)


def check_writer(settings: Settings, request: Request) -> None:
    """Refuse a write unless this server may write and the request proves it may.

    With a token configured every write must carry it; without one, writes are only
    accepted when the server listens on loopback.
    """
    if settings.token:
        given = presented_token(request) or ""
        if not hmac.compare_digest(given.encode(), settings.token.encode()):
            raise HTTPException(401, "writing needs the token set in ARMSWATCH_TOKEN",
                                headers={"WWW-Authenticate": "Bearer"})
    elif not settings.loopback:
        raise HTTPException(403, "writing is disabled: this server listens beyond this "
                                 "machine and no ARMSWATCH_TOKEN is configured")


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware answering 413 to any request body over `max_bytes`."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit()
                                     or int(declared) > self.max_bytes):
            await _too_large(send, self.max_bytes)
            return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise BodyTooLarge
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            if not started:
                await _too_large(send, self.max_bytes)


async def _too_large(send: Send, max_bytes: int) -> None:
    body = f'{{"detail": "request body over {max_bytes} bytes"}}'.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
