"""`ranked_hits` builds its Hits without the frozen dataclass's __init__ (a hot path): they
must be the Hits `__init__` would make, field for field."""

from __future__ import annotations

import pickle
from dataclasses import fields
from types import SimpleNamespace

import numpy as np

from retrieval.query_analysis import ranked_hits
from retrieval.records import Hit


def test_ranked_hits_are_the_hits_init_makes() -> None:
    docs = [
        SimpleNamespace(
            doc_id=f"d{i}",
            title=f"标题{i}",
            text=f"正文{i}",
            kind=kind,
            articles=(i,),
            article=None,
        )
        for i, kind in enumerate(["measure", "product", "platform"])
    ]
    fused = np.array([0.2, 0.9, 0.2], dtype=np.float32)
    lexical, dense = np.array([1.0, 2.0, 0.0]), np.array([0.3, 0.1, 0.5], dtype=np.float32)
    votes, demote = np.array([0.0, 1.0, 0.0]), np.array([False, True, False])
    hits = ranked_hits(docs, fused, lexical, dense, votes, demote)
    assert [h.doc_id for h in hits] == ["d1", "d0", "d2"]  # best first, ties in index order
    for hit in hits:
        made = Hit(**{f.name: getattr(hit, f.name) for f in fields(Hit) if f.name != "extra"})
        assert list(vars(hit)) == [f.name for f in fields(Hit)]
        assert hit == made and repr(hit) == repr(made) and vars(hit) == vars(made)
        assert pickle.loads(pickle.dumps(hit)) == made
        assert hit.extra == {}
    assert len({id(h.extra) for h in hits}) == len(hits)  # a dict of its own each
    assert hits[1].named is False and hits[0].named is False and hits[2].named is True
