"""The annotation store's figures: 10,000 annotations on a novel, each against a baseline
measured in the same run.

    python bench/store.py [--runs N] [NOVEL]

`measure(novel, runs)` gives the figures; `TITLE`, `HEADERS` and `rows(figures)` make the
table bench/run.py prints. The targets from the issue: opening a document costs at most
0.5 s more with its annotations than without; filtering them takes under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from table import Table

from reader.document import Document, open_document
from reader.store import (
    COLOURS,
    STORE_FILE,
    Annotation,
    export_annotations,
    filter_annotations,
    import_annotations,
    open_store,
)
from reader.store.anchoring import quote_at
from reader.store.exchange import to_w3c

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NOVEL = PROJECT_ROOT.parent / "shared" / "data" / "novels" / "hongloumeng.txt"
ANNOTATIONS = 10_000
TAGS = ("人物", "诗词", "生词", "成语", "地名", "服饰", "饮食", "问题")
TITLE = f"Annotation store: {ANNOTATIONS:,} annotations on one novel, median of the runs"
HEADERS = ("figure", "s", "baseline", "baseline s", "ratio", "extra s")


@dataclass(frozen=True)
class Figure:
    name: str
    seconds: float
    baseline: str
    baseline_seconds: float

    @property
    def extra(self) -> float:
        return self.seconds - self.baseline_seconds


def rows(figures: Sequence[Figure]) -> list[list[str]]:
    return [
        [
            f.name,
            f"{f.seconds:.4f}",
            f.baseline,
            f"{f.baseline_seconds:.4f}",
            f"{f.seconds / f.baseline_seconds:.2f}" if f.baseline_seconds else "-",
            f"{f.extra:+.4f}",
        ]
        for f in figures
    ]


def timed(
    action: Callable[[], object], runs: int, setup: Callable[[], object] = lambda: None
) -> float:
    samples = []
    for _ in range(runs):
        setup()
        began = time.perf_counter()
        action()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def annotations_for(document: Document, document_id: int) -> list[Annotation]:
    """Spans of 2 to 12 characters spread over the text, with colours, tags and some notes."""
    rng = random.Random(1791)
    made = []
    text = document.text
    for index in range(ANNOTATIONS):
        start = rng.randrange(len(text) - 12)
        end = start + rng.randint(2, 12)
        quote = quote_at(text, start, end)
        made.append(
            Annotation(
                id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                document_id=document_id,
                start=start,
                end=end,
                quote=quote.exact,
                prefix=quote.prefix,
                suffix=quote.suffix,
                colour=rng.choice(COLOURS),
                note=f"第{index}条笔记" if index % 3 == 0 else "",
                tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
            )
        )
    return made


def measure(novel: Path = NOVEL, runs: int = 3) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="reader-bench-store-") as folder:
        return _measure(novel, runs, Path(folder))


def _measure(novel: Path, runs: int, folder: Path) -> list[Figure]:
    book = folder / "book.txt"
    shutil.copyfile(novel, book)
    document = open_document(book)
    with open_store(folder / "empty") as store:
        store.open_document(document)
    with open_store(folder / "full") as store:
        record = store.open_document(document).record
        store.annotations.restore_many(annotations_for(document, record.id))
    figures: list[Figure] = []

    def open_with(data: str) -> Callable[[], object]:
        def action() -> object:
            with open_store(folder / data) as store:
                return store.open_document(open_document(book)).annotations

        return action

    without = timed(open_with("empty"), runs)
    figures.append(
        Figure(
            "open the novel with its annotations",
            timed(open_with("full"), runs),
            "open it without",
            without,
        )
    )

    with open_store(folder / "full") as store:
        loaded = store.open_document(document).annotations
        exported = export_annotations(store, document, "json")
    one_pass = timed(lambda: [a.quote for a in loaded], max(runs, 5))
    for name, criteria in [
        ("filter by colour", {"colour": "red"}),
        ("filter by tag", {"tag": "诗词"}),
        ("filter by text", {"text": "宝玉"}),
        ("filter by all three", {"colour": "red", "tag": "诗词", "text": "笔记"}),
    ]:
        seconds = timed(lambda c=criteria: filter_annotations(loaded, **c), max(runs, 5))
        figures.append(Figure(name, seconds, "one pass over them", one_pass))

    original = book.read_text(encoding="utf-8")
    paragraphs = original.split("\n")
    middle = next(i for i in range(len(paragraphs) // 2, len(paragraphs)) if paragraphs[i].strip())
    edits = {
        "re-anchor after a paragraph is inserted": "\n".join(
            [*paragraphs[:middle], "这是后来插进去的一段话,和原文没有关系。", *paragraphs[middle:]]
        ),
        "re-anchor after a paragraph is deleted": "\n".join(
            paragraphs[:middle] + paragraphs[middle + 1 :]
        ),
        "re-anchor after every 。 became .": original.replace("。", "."),
    }
    for name, text in edits.items():

        def reset(data: str, text: str = text) -> Callable[[], None]:
            def setup() -> None:
                shutil.copyfile(folder / data / STORE_FILE, folder / "run" / STORE_FILE)
                book.write_text(text, encoding="utf-8")

            (folder / "run").mkdir(exist_ok=True)
            return setup

        figures.append(
            Figure(
                name,
                timed(open_with("run"), runs, reset("full")),
                "the same without annotations",
                timed(open_with("run"), runs, reset("empty")),
            )
        )
    book.write_text(original, encoding="utf-8")

    figures.append(
        Figure(
            "import the W3C JSON export",
            timed(lambda: _import(folder, document, exported), runs),
            "json.loads of it",
            timed(lambda: json.loads(exported), runs),
        )
    )
    with open_store(folder / "full") as store:
        names = store.colours.all()
        dumps = timed(lambda: json.dumps(to_w3c(document, loaded, names), ensure_ascii=False), runs)
        for format in ("json", "md", "csv"):
            figures.append(
                Figure(
                    f"export as {format}",
                    timed(lambda f=format: export_annotations(store, document, f), runs),
                    "the W3C data as compact JSON",
                    dumps,
                )
            )
    figures.append(
        Figure(
            "open the store (with quick_check)",
            timed(lambda: open_store(folder / "full").close(), runs),
            "open an empty store",
            timed(lambda: open_store(folder / "empty").close(), runs),
        )
    )
    return figures


def _import(folder: Path, document: Document, exported: str) -> None:
    target = folder / "import"
    shutil.rmtree(target, ignore_errors=True)
    with open_store(target) as store:
        import_annotations(store, document, exported)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The annotation store's figures.")
    parser.add_argument("novel", nargs="?", type=Path, default=NOVEL)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args(argv)
    if not options.novel.is_file():
        print(f"bench: error: {options.novel}: no such file", file=sys.stderr)
        return 1
    figures = measure(options.novel, max(1, options.runs))
    print(Table(TITLE, HEADERS, rows(figures)).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
