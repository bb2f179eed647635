"""Server settings: where the store is, where to listen, and what writing needs."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

TOKEN_VARIABLE = "ARMSWATCH_TOKEN"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# A news report is a few kilobytes; 2 MB leaves room for long HTML pages and nothing more.
DEFAULT_MAX_BODY_BYTES = 2_000_000
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    """Whether `host` only accepts connections from this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Settings:
    """What `create_app` needs; `db_url` None means $ARMSWATCH_DB or the default file."""

    db_url: str | None = None
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    model: str | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings with the token taken from $ARMSWATCH_TOKEN unless given."""
        values: dict[str, object] = {"token": os.environ.get(TOKEN_VARIABLE) or None}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def writable(self) -> bool:
        """Writing is possible on loopback, and elsewhere only with a configured token."""
        return self.loopback or bool(self.token)
