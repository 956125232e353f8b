"""The command line as a script or a researcher uses it: real processes, real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main


def run_reader(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_outline_prints_the_seed_tree(seed_path, seed_outline):
    result = run_reader("outline", str(seed_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == seed_outline
    assert result.stderr == ""


def test_outline_blocks_prints_kind_tab_text(seed_path, capsys):
    assert main(["outline", "--blocks", str(seed_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    kinds = [line.split("\t", 1)[0] for line in lines]
    assert kinds[:2] == ["title", "subtitle"]
    assert kinds.count("subtitle") == 1
    assert kinds.count("caption") == 2
    assert kinds.count("list-item") == 10
    assert "list-item\t吴曼青 中国工程院院士、中国电子科技集团公司总工程师" in lines
    assert "heading\t各级领导干部 要经常上网看看" in lines
    assert all("\t" in line for line in lines)
    joined = "\n".join(lines)
    for fragment in ("进展厅前", "习主席的讲话", "习近平的著作"):
        assert fragment in joined


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "the file holds no text"),
        ("blank.txt", b" \n\t\n\xe3\x80\x80\n", "the file holds no text"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run_reader("outline", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"reader: error: {path}: ")
    assert reason in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_is_refused(tmp_path, capsys):
    assert main(["outline", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"reader: error: {tmp_path}: is a folder, not a file\n"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["outline"])
    assert raised.value.code == 2
    assert "reader outline: error:" in capsys.readouterr().err
