"""`reader library`: add files and folders of books to the library, list it, remove from it.

The same core as the window's library (reader.library.indexing.add_to_library and the
store's `library`): adding registers the document and indexes it for `reader search`;
removing unlists it, the file and its annotations untouched.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import DATA_DIR_HELP, EXIT_ERROR, EXIT_OK, CommandError, tell
from reader.cli.opened_library import opened_library
from reader.cli.progress import Progress
from reader.document import DocumentError

if TYPE_CHECKING:
    from reader.library.index_file import LibraryIndex
    from reader.store import Store
    from reader.store.library import LibraryEntry

LIST_FIELDS = (
    "path, title, format (the file's suffix: txt, epub ...), size (bytes), characters, "
    "added, first_opened, last_opened (UTC ISO 8601 times, null if never opened), progress "
    "(0-1), coverage (0-1 or null), missing, indexed"
)


def library_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader library",
        description="The documents Reader knows: add files and folders, list them, remove one.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add",
        help="add files, and the book files in folders, and index them",
        description=(
            "Add each file, and every book file in each folder and its subfolders (.txt, "
            ".md, .markdown, .html, .htm, .xhtml, .epub), to the library and index it for "
            "reader search. One line per document, then a summary. A file that cannot be "
            "read is one error line on stderr; the others are still added, and the exit "
            "status is 2."
        ),
    )
    add.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    listing = actions.add_parser(
        "list",
        help="print the library's documents",
        description=(
            "Print the library's documents, last opened first: path, title, characters, "
            "share read, and whether the file is missing or not yet indexed."
        ),
    )
    listing.add_argument(
        "--json", action="store_true", help=f"one JSON object per document: {LIST_FIELDS}"
    )
    remove = actions.add_parser(
        "remove",
        help="take a document out of the library",
        description=(
            "Take the document at PATH out of the library and its index. The file is not "
            "touched and its annotations are kept."
        ),
    )
    remove.add_argument("path", metavar="PATH", help="the document, as the library lists it")
    for action in (add, listing, remove):
        action.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    options = parser.parse_args(args)
    with opened_library(options.data_dir) as (store, index):
        if options.action == "add":
            return _add(store, index, [Path(path) for path in options.paths])
        if options.action == "list":
            return _list(store, index, options.json)
        return _remove(store, index, Path(options.path))


def _add(store: Store, index: LibraryIndex, paths: list[Path]) -> int:
    from reader.library.indexing import add_to_library

    files, failed = _files(paths)
    progress = Progress("adding")
    added = updated = 0
    for number, path in enumerate(files, 1):
        progress.step(number, len(files), str(path))
        listed = store.library.find_path(path.resolve())
        try:
            entry = add_to_library(store, index, path)
        except DocumentError as error:
            progress.clear()
            tell(f"error: {error}")
            failed += 1
            continue
        progress.clear()
        word = "updated" if listed is not None else "added"
        added += listed is None
        updated += listed is not None
        sys.stdout.write(f"{word}: {entry.path}  {entry.title}\n")
        sys.stdout.flush()
    print(f"{_count(added, 'document')} added, {updated:,} updated, {failed:,} failed")
    return EXIT_ERROR if failed else EXIT_OK


def _files(paths: list[Path]) -> tuple[list[Path], int]:
    """The files to add, and how many of the paths named nothing to add (each told)."""
    from reader.library.indexing import files_in_folder

    files: list[Path] = []
    failed = 0
    for path in paths:
        if path.is_dir():
            found = files_in_folder(path)
            if not found:
                tell(f"error: {path}: the folder holds no book files")
                failed += 1
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            tell(f"error: {path}: no such file or folder")
            failed += 1
    return files, failed


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _list(store: Store, index: LibraryIndex, as_json: bool) -> int:
    indexed = index.indexed()
    for entry in store.library.entries():
        current = indexed.get(entry.id) == entry.fingerprint
        if as_json:
            line = json.dumps(_record(entry, current), ensure_ascii=False)
        else:
            line = _line(entry, current)
        sys.stdout.write(line + "\n")
    sys.stdout.flush()
    return EXIT_OK


def _record(entry: LibraryEntry, indexed: bool) -> dict[str, object]:
    return {
        "path": None if entry.path is None else str(entry.path),
        "title": entry.title,
        "format": entry.format,
        "size": entry.size,
        "characters": entry.length,
        "added": entry.added,
        "first_opened": entry.first_opened or None,
        "last_opened": entry.last_opened or None,
        "progress": entry.progress,
        "coverage": entry.coverage,
        "missing": entry.missing,
        "indexed": indexed,
    }


def _line(entry: LibraryEntry, indexed: bool) -> str:
    """Path, title, characters and share read, tab-separated; then what is wrong, if anything."""
    title = " ".join(entry.title.split())
    state = "missing" if entry.missing else "" if indexed else "not indexed"
    fields = [str(entry.path), title, f"{entry.length:,} characters", f"{entry.progress:.0%} read"]
    return "\t".join([*fields, state] if state else fields)


def _remove(store: Store, index: LibraryIndex, path: Path) -> int:
    entry = store.library.find_path(path.resolve())
    if entry is None:
        raise CommandError(f"{path}: not in the library")
    store.library.remove(entry.id)
    index.forget(entry.id)
    print(f"removed: {entry.path}  {entry.title}")
    return EXIT_OK
