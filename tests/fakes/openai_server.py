"""A fake OpenAI-compatible chat-completions server on loopback, streaming scripted replies.

Each request takes the next `Reply` of the script (the last one repeats): HTTP status (429 with
Retry-After, 500…), delay before the first chunk, content pieces with a delay between them,
and a final usage chunk. Requests are recorded (path and JSON body) for assertions.
`GET …/models` lists the served model (`models_status` scripts another status, e.g. 401); those
look-ups are counted in `model_listings`, not recorded as requests.

Question-rewrite requests (LLM mode's history-aware rewrite: the system message starts with
REWRITE_TAG) have a script of their own (`rewrite(...)`) and are recorded in
`rewrite_requests`, so an answer's script and `requests` are the same with or without a
rewrite. Unscripted, the fake restates the question the system resolved (its last line).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

REWRITE_TAG = "【问题改写】"  # as bot.llm.rewrite.REWRITE_TAG (the fake stays standalone)


@dataclass
class Reply:
    """What the fake model does for one request."""

    pieces: list[str] = field(default_factory=list)
    first_delay_s: float = 0.0
    piece_delay_s: float = 0.0
    status: int = 200
    retry_after: str = ""


def streamed(text: str, seconds: float, *, size: int = 3, first_delay_s: float = 0.05) -> Reply:
    """`text` in pieces of `size` characters spread evenly over about `seconds`."""
    pieces = [text[i : i + size] for i in range(0, len(text), size)]
    gap = max(seconds - first_delay_s, 0.0) / max(len(pieces) - 1, 1)
    return Reply(pieces, first_delay_s=first_delay_s, piece_delay_s=gap)


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # a busy CI machine: no connection refused or reset while queued


class FakeOpenAI:
    """The server; `url` is the OPENAI_BASE_URL (…/v1). Use as a context manager."""

    def __init__(self, port: int = 0, model: str = "fake-model") -> None:
        """Bind 127.0.0.1:`port` (0: a free port); `model` is what /models lists."""
        self.script: list[Reply] = [Reply(["好的。"])]
        self.requests: list[dict[str, Any]] = []
        self.rewrites: list[Reply] = []  # empty: restate the resolved question
        self.rewrite_requests: list[dict[str, Any]] = []
        self.model = model
        self.models_status = 200
        self.model_listings = 0
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server naming)
                with owner._lock:
                    owner.model_listings += 1
                body: dict[str, Any]
                if not self.path.rstrip("/").endswith("/models"):
                    status, body = 404, {"error": {"message": "not found"}}
                elif owner.models_status != 200:
                    status, body = owner.models_status, {"error": {"message": "scripted"}}
                else:
                    status = 200
                    body = {"object": "list", "data": [{"id": owner.model, "object": "model"}]}
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 (http.server naming)
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                reply = owner._next(self.path, body)
                try:
                    owner._respond(self, reply, body)
                except OSError:
                    pass  # the client gave up (timeouts)

            def log_message(self, *args: Any) -> None:
                """Quiet."""

        self.server = _Server(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop serving (later requests find the port closed)."""
        self.server.shutdown()
        self.server.server_close()

    def reply(self, *replies: Reply) -> None:
        """Script the next replies (the last one repeats)."""
        with self._lock:
            self.script = list(replies)

    def rewrite(self, *replies: Reply) -> None:
        """Script the next rewrite replies (the last one repeats; none: restate)."""
        with self._lock:
            self.rewrites = list(replies)

    def _next(self, path: str, body: dict[str, Any]) -> Reply:
        messages = body.get("messages") or [{}]
        with self._lock:
            if str(messages[0].get("content", "")).startswith(REWRITE_TAG):
                self.rewrite_requests.append({"path": path, "body": body})
                if not self.rewrites:
                    last = str(messages[-1].get("content", "")).splitlines()[-1:]
                    return Reply([last[0].split("：", 1)[-1]] if last else [])
                return self.rewrites.pop(0) if len(self.rewrites) > 1 else self.rewrites[0]
            self.requests.append({"path": path, "body": body})
            return self.script.pop(0) if len(self.script) > 1 else self.script[0]

    def prompt_text(self, index: int = -1) -> str:
        """All message contents of one recorded request, joined."""
        messages = self.requests[index]["body"]["messages"]
        return "\n".join(str(m.get("content", "")) for m in messages)

    @staticmethod
    def _respond(handler: BaseHTTPRequestHandler, reply: Reply, body: dict[str, Any]) -> None:
        time.sleep(reply.first_delay_s)
        if reply.status != 200:
            data = json.dumps({"error": {"message": "scripted error", "type": "fake"}}).encode()
            handler.send_response(reply.status)
            if reply.retry_after:
                handler.send_header("Retry-After", reply.retry_after)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Connection", "close")
        handler.end_headers()

        def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> None:
            payload = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": body.get("model", ""),
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                **extra,
            }
            handler.wfile.write(f"data: {json.dumps(payload, ensure_ascii=False)}\n\n".encode())
            handler.wfile.flush()

        chunk({"role": "assistant", "content": ""})
        for i, piece in enumerate(reply.pieces):
            if i:
                time.sleep(reply.piece_delay_s)
            chunk({"content": piece})
        chunk({}, "stop")
        if (body.get("stream_options") or {}).get("include_usage"):
            usage = {
                "prompt_tokens": 100,
                "completion_tokens": len(reply.pieces),
                "total_tokens": 100 + len(reply.pieces),
            }
            payload = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": body.get("model", ""),
                "choices": [],
                "usage": usage,
            }
            handler.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
        handler.wfile.write(b"data: [DONE]\n\n")
        handler.wfile.flush()
