"""Plain-text views of a Document's structure, as `reader outline` prints them."""

from __future__ import annotations

from reader.document.model import Document


def outline_lines(document: Document) -> list[str]:
    """The section tree: the title at depth 0, two spaces per level below it."""
    lines = []
    for section in document.sections():
        depth = 0
        parent = section.parent
        while parent is not None:
            depth += 1
            parent = parent.parent
        lines.append("  " * depth + section.heading)
    return lines


def block_lines(document: Document) -> list[str]:
    """One line per block: its kind, a tab, its text with line breaks shown as spaces."""
    return [
        f"{block.kind.value}\t{document.block_text(block).replace(chr(10), ' ')}"
        for block in document.blocks
    ]
