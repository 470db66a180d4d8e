"""The plain-language layer: points in an owner's words for each measure and note.

knowledge/data/plain holds one file per measure, `measure-NN.md` (front matter `article`,
`lead_unit`), and one per product or platform note, `<doc id>.md` (front matter `doc`); then one
bullet per point, `- TYPE | KEYWORDS | STANCE | TEXT`:

- TYPE: 含义 (what the clause means for a firm), 可做 (what the firm can do), 联系 (whom to
  contact);
- KEYWORDS: space-separated words an owner may use for the point's subject;
- STANCE: empty, or the direct answer the point gives to a yes/no question on its subject
  (可以, 不行, 不合规, 合规, 有, 没有, 会, 不会, 是, 不是); optionally followed by `：` and the
  words the stance is about when they are narrower than KEYWORDS (`不行：一刀切 拒贷`: the
  point is found by 征信 and 逾期, but its 不行 answers only a question naming the refusal);
- TEXT: one or two plain sentences; every number in it must occur in its source's own text.

Staff may edit these files; `policybot index` picks the changes up.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from knowledge.front_matter import parse_front_matter

PLAIN_DIR = "plain"
PLAIN_FILE = "plain.json"  # saved beside the index
KINDS = ("含义", "可做", "联系")
STANCES = ("可以", "不行", "不合规", "合规", "有", "没有", "会", "不会", "是", "不是")


class PlainFormatError(ValueError):
    """A plain-language file that does not follow the format (names the file and line)."""


@dataclass(frozen=True)
class PlainPoint:
    """One point of a measure in plain words."""

    article: int
    kind: str
    keywords: tuple[str, ...]
    stance: str
    text: str
    stance_on: tuple[str, ...] = ()  # the words the stance answers (empty: the keywords)


@dataclass(frozen=True)
class PlainMeasure:
    """The plain-language points of one measure (or note) and its lead responsible unit."""

    article: int | None
    lead_unit: str
    points: tuple[PlainPoint, ...]
    doc_id: str = ""  # measure-N for a measure, the note's id otherwise


def parse_plain(raw: str, name: str = "plain") -> PlainMeasure:
    """Parse one measure-NN.md file; raises PlainFormatError naming name and the line."""
    meta, body = parse_front_matter(raw)
    article: int | None = None
    if meta.get("doc"):
        doc_id = meta["doc"]
    else:
        try:
            article = int(meta["article"])
        except (KeyError, ValueError) as exc:
            raise PlainFormatError(f"{name}: front matter needs 'article' (int) or 'doc'") from exc
        doc_id = f"measure-{article}"
    points = []
    for number, line in enumerate(body.splitlines(), start=1):
        line = line.strip()
        if not line.startswith("- "):
            continue
        fields = [f.strip() for f in line[2:].split("|")]
        if len(fields) != 4:
            raise PlainFormatError(f"{name}: point line {number} needs 4 fields, got {len(fields)}")
        kind, keywords, stance, text = fields
        stance, _, stance_on = stance.replace(":", "：").partition("：")
        stance = stance.strip()
        if kind not in KINDS:
            raise PlainFormatError(f"{name}: point line {number}: type {kind!r} not in {KINDS}")
        if stance and stance not in STANCES:
            raise PlainFormatError(f"{name}: point line {number}: stance {stance!r} unknown")
        if not text:
            raise PlainFormatError(f"{name}: point line {number} has no text")
        if stance_on.strip() and not stance:
            raise PlainFormatError(f"{name}: point line {number}: words without a stance")
        points.append(
            PlainPoint(
                article or 0, kind, tuple(keywords.split()), stance, text, tuple(stance_on.split())
            )
        )
    return PlainMeasure(article, meta.get("lead_unit", ""), tuple(points), doc_id)


def load_plain(knowledge_dir: Path) -> dict[str, PlainMeasure]:
    """All plain-language points in knowledge_dir/plain, by document id (measure-N, note id)."""
    folder = Path(knowledge_dir) / PLAIN_DIR
    found: dict[str, PlainMeasure] = {}
    for path in sorted(folder.glob("*.md")):
        measure = parse_plain(path.read_text(encoding="utf-8"), path.name)
        found[measure.doc_id] = measure
    return found


def save_plain(index_dir: Path, measures: dict[str, PlainMeasure]) -> None:
    """Write the points beside the index (what the answerer reads)."""
    rows = [asdict(m) for m in measures.values()]
    tmp = Path(index_dir) / (PLAIN_FILE + ".tmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    tmp.replace(Path(index_dir) / PLAIN_FILE)


def read_plain(index_dir: Path) -> dict[str, PlainMeasure]:
    """The points saved by the last index run ({} for an index without them)."""
    path = Path(index_dir) / PLAIN_FILE
    if not path.exists():
        return {}
    found = {}
    for row in json.loads(path.read_text(encoding="utf-8")):
        points = tuple(
            PlainPoint(
                p["article"],
                p["kind"],
                tuple(p["keywords"]),
                p["stance"],
                p["text"],
                tuple(p.get("stance_on", ())),  # an index saved before stance_on: none
            )
            for p in row["points"]
        )
        found[row["doc_id"]] = PlainMeasure(row["article"], row["lead_unit"], points, row["doc_id"])
    return found
