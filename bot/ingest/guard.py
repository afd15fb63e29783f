"""The network layer under every fetch: one deadline for the whole fetch, and no private targets.

httpx's timeouts bound each network operation: a server that sends its headers a byte at a time,
each byte inside the read timeout, held one fetch for minutes. Here every connect, TLS handshake,
read and write gets at most what is left of one deadline, so a fetch ends on time whatever the
server does. And the addresses a host name resolves to are checked where the connection is made,
for the first request and every redirect: the address connected to is the one checked, so a DNS
answer that changes between a check and the connection cannot lead into the local network.
"""
from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import httpcore
import httpx

from bot.errors import FetchError

_RESOLVER = ThreadPoolExecutor(max_workers=8, thread_name_prefix="pledgebot-resolve")


class PrivateTargetRefused(FetchError):
    """A fetch (or one of its redirects) would connect to a non-global address."""


class Deadline:
    """The moment one fetch must be over, and how much of it is left."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def passed(self) -> bool:
        """Return whether the deadline has passed."""
        return time.monotonic() >= self.ends

    def cap(self, timeout: float | None) -> float:
        """Return ``timeout`` cut to the time left; raise a timeout once none is left."""
        left = self.ends - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout(f"the whole fetch took longer than {self.seconds:g} s")
        return left if timeout is None else min(timeout, left)


def is_private_address(address: str) -> bool:
    """Return whether ``address`` is loopback, private, link-local or otherwise not global."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    return not ip.is_global


def resolve(host: str, port: int, deadline: Deadline | None = None) -> list[str]:
    """Return the addresses ``host`` resolves to, in the resolver's order, by the deadline."""
    # getaddrinfo has no timeout of its own: it runs on a helper thread, waited for only as long
    # as the deadline lasts (a resolver that hangs keeps its thread, not the fetch).
    lookup = _RESOLVER.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        infos = lookup.result(timeout=None if deadline is None else deadline.cap(None))
    except FutureTimeout:
        raise httpcore.ConnectTimeout(f"resolving {host} took past the deadline") from None
    except (socket.gaierror, UnicodeError) as err:
        raise httpcore.ConnectError(f"cannot resolve {host}: {err}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedStream(httpcore.NetworkStream):
    """A connection whose every operation ends by the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.cap(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.cap(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._deadline.cap(timeout))
        return GuardedStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """Connect only to allowed addresses, and only while the deadline lasts."""

    def __init__(self, deadline: Deadline, *, allow_private: bool) -> None:
        self._inner = httpcore.SyncBackend()
        self._deadline = deadline
        self._allow_private = allow_private

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        addresses = resolve(host, port, self._deadline)
        if not self._allow_private and any(is_private_address(a) for a in addresses):
            # Raised as the project's error: httpx passes it through untouched.
            raise PrivateTargetRefused(f"refused, {host} points into a private network "
                                       "(loopback, private or link-local address)")
        error: Exception = httpcore.ConnectError(f"cannot connect to {host}")
        for address in addresses:  # TLS still checks the certificate against the host name
            try:
                stream = self._inner.connect_tcp(address, port, self._deadline.cap(timeout),
                                                 local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                error = err
                continue
            return GuardedStream(stream, self._deadline)
        raise error

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("fetching over a Unix socket is not allowed")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, max(0.0, self._deadline.ends - time.monotonic())))


def guarded_transport(deadline: Deadline, *, allow_private: bool) -> httpx.HTTPTransport:
    """Return an httpx transport whose connections go through a GuardedBackend."""
    transport = httpx.HTTPTransport()
    # httpx (pinned below 0.29) has no argument for the network backend: swap the connection
    # pool it built for one with ours (tests/test_fetch.py fails if this stops taking effect).
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        network_backend=GuardedBackend(deadline, allow_private=allow_private),
    )
    return transport
