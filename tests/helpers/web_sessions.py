"""Widget session ids as the server issues them (web/session_ids.py), and forged ones.

`issued_id(where)`: a new id signed with the secret of a live server (`LiveServer`), an app or
settings, what the server hands a new visitor (tests that seed a visitor's data beforehand).
`forged_ids(issued, seed)`: ids the server never issued, over every way of making one up.
"""

from __future__ import annotations

import base64
import random
import secrets
import string
from typing import Any

from core.settings import Settings
from web.session_ids import SEPARATOR, TOKEN_CHARS, issue_session_id, token_signature

ID_ALPHABET = string.ascii_letters + string.digits + "-_"


def secret_of(where: Any) -> str:
    """The session secret of a LiveServer, a Starlette app or Settings."""
    if isinstance(where, Settings):
        return where.session_secret
    from bot.services import services_of

    app = getattr(where, "app", where)
    return str(services_of(app).settings.session_secret)


def issued_id(where: Any) -> str:
    """A new session id the server behind `where` accepts (as if it had issued it)."""
    return issue_session_id(secret_of(where))


def _flip(char: str) -> str:
    return "B" if char == "A" else "A"


def forged_ids(issued: str, seed: int = 0, count: int = 12) -> list[str]:
    """Ids the server did not issue, all matching SESSION_PATTERN: short and long invented
    ones, `issued`'s token with a changed or another id's signature, its token signed under
    another secret, valid-looking random ids, the old unsigned format, case and separator
    changes, truncated and extended copies. `count` random ones per random kind."""
    rng = random.Random(seed)
    token, signature = issued[:TOKEN_CHARS], issued[TOKEN_CHARS + 1 :]
    other = issue_session_id("another-deployment-secret")
    forged = ["test1", "abc", "a", "1", "visitor", "s-shared", "user-1", "x" * 64, "0" * 45]
    forged += [token, signature, issued[:-1], issued + "A", issued[1:]]
    forged += [issued.upper(), issued.lower(), token + "_" + signature]
    forged += [token + SEPARATOR + other[TOKEN_CHARS + 1 :]]  # another id's signature
    forged += [other[:TOKEN_CHARS] + SEPARATOR + signature]  # another token, this signature
    for secret in ("another-deployment-secret", "", "x", "change-me"):  # signed elsewhere
        forged.append(token + SEPARATOR + token_signature(secret, token))
    for position in range(len(signature)):  # every signature character changed in turn
        changed = signature[:position] + _flip(signature[position]) + signature[position + 1 :]
        forged.append(token + SEPARATOR + changed)
    for _ in range(count):
        forged.append(  # valid-looking: the issued shape, random characters
            "".join(rng.choice(ID_ALPHABET) for _ in range(TOKEN_CHARS))
            + SEPARATOR
            + "".join(rng.choice(ID_ALPHABET) for _ in range(len(signature)))
        )
        forged.append("".join(rng.choice(ID_ALPHABET) for _ in range(rng.randint(1, 64))))
        forged.append(secrets.token_urlsafe(16))  # what the server issued before signing
        forged.append(base64.urlsafe_b64encode(rng.randbytes(33)).decode()[:44] + "Q")
    return [f for f in dict.fromkeys(forged) if f != issued]
