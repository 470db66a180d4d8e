"""The loan products the knowledge describes, read from their front matter.

Each `knowledge/data/docs/product-<slug>.md` with `kind: product` is one product: its short
name is the first of its `aliases` (else its title up to the first "（"), its slug the part of
its id after "product-". Adding a product is adding that one file: the catalog's topics and
deep links, the refusal's list of products and the greeting follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from knowledge.front_matter import parse_front_matter

DOCS_DIR = Path(__file__).resolve().parent / "data" / "docs"


@dataclass(frozen=True)
class Product:
    """One loan product: doc id ("product-kejidai"), slug ("kejidai"), short name ("科技贷"),
    full title."""

    doc_id: str
    slug: str
    name: str
    title: str


def read_products(docs_dir: Path) -> tuple[Product, ...]:
    """The products described in docs_dir, in file-name order."""
    products = []
    for path in sorted(docs_dir.glob("*.md")):
        meta, _ = parse_front_matter(path.read_text(encoding="utf-8"))
        if meta.get("kind") != "product":
            continue
        doc_id = meta.get("id") or path.stem
        title = meta.get("title", doc_id)
        aliases = [a.strip() for a in meta.get("aliases", "").split(",") if a.strip()]
        name = aliases[0] if aliases else title.split("（")[0]
        products.append(Product(doc_id, doc_id.removeprefix("product-"), name, title))
    return tuple(products)


@cache
def packaged_products() -> tuple[Product, ...]:
    """The products of the packaged knowledge (read once per process)."""
    return read_products(DOCS_DIR)
