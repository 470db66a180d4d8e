"""The client's address behind trusted proxies: one rule for the public API and the back office."""

from __future__ import annotations

import ipaddress

from starlette.requests import HTTPConnection


class TrustedProxies:
    """Addresses/networks whose X-Forwarded-For header is believed."""

    def __init__(self, spec: list[str]) -> None:
        self.networks = []
        for item in spec:
            try:
                self.networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                message = f"TRUSTED_PROXIES: {item!r} is not an address or network"
                raise ValueError(message) from None

    def trusts(self, address: str) -> bool:
        """True when `address` is one of the trusted proxies."""
        if not self.networks:
            return False
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net for net in self.networks)

    def client_address(self, peer: str, forwarded_for: str | None) -> str:
        """The client: walk X-Forwarded-For right to left past trusted proxies only."""
        if not forwarded_for or not self.trusts(peer):
            return peer
        hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
        for hop in reversed(hops):
            if not self.trusts(hop):
                return hop
        return hops[0] if hops else peer


def app_trusted_proxies(conn: HTTPConnection) -> TrustedProxies:
    """The app's TRUSTED_PROXIES, parsed once and kept on its services (`bot.services`).

    Raises ValueError when the setting names something that is not an address or network.
    """
    shared = conn.app.state.services  # core sits below bot.services: read without its type
    proxies: TrustedProxies | None = shared.trusted_proxies
    if proxies is None:
        settings = shared.settings
        proxies = TrustedProxies(settings.csv_list(settings.trusted_proxies))
        shared.trusted_proxies = proxies
    return proxies


def client_address(conn: HTTPConnection) -> str:
    """The client's address: X-Forwarded-For is used only when the peer is a trusted proxy.

    Returns "unknown" when the server does not know the peer (e.g. some test transports).
    """
    peer = conn.client.host if conn.client else "unknown"
    return app_trusted_proxies(conn).client_address(peer, conn.headers.get("x-forwarded-for"))
