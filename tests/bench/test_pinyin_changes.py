"""bench/pinyin_changes.py: readings compared place by place, and the places shown."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from bench.pinyin_changes import (
    PROJECT_ROOT,
    Change,
    Unavailable,
    changes,
    context,
    read_pinyin,
    release_code,
    sample,
)


def test_only_han_characters_count_and_every_difference_is_a_change():
    lines = ["他跑得很快。", "", "OK长"]
    old = [["ta1", "pao3", "de2", "hen3", "kuai4", None], [], [None, None, "zhang3"]]
    new = [["ta1", "pao3", "de5", "hen3", "kuai4", None], [], [None, None, "chang2"]]

    han, found = changes(lines, old, new)

    assert han == 6
    assert found == [Change(1, 2, "得", "de2", "de5"), Change(3, 2, "长", "zhang3", "chang2")]


def test_readings_that_do_not_fit_the_text_are_refused():
    with pytest.raises(ValueError, match="lines"):
        changes(["他"], [["ta1"]], [])
    with pytest.raises(ValueError, match="line 1"):
        changes(["他们"], [["ta1"]], [["ta1", "men5"]])


def test_a_change_is_shown_in_its_sentence():
    line = "天很冷。这条路很长，我们走吧！明天见。"

    assert context(line, line.index("长")) == "这条路很【长】，我们走吧！"
    assert context(line, 0) == "【天】很冷。"


def test_a_long_sentence_is_cut_around_the_change():
    line = "一二三四五六七八九十长一二三四五六七八九十。"

    assert context(line, 10, reach=3) == "…八九十【长】一二三…"


def test_the_sample_is_fixed_and_in_the_order_of_the_text():
    found = [Change(number, 0, "长", "zhang3", "chang2") for number in range(1, 101)]

    chosen = sample(found, size=20)

    assert chosen == sample(found, size=20)
    assert len(chosen) == 20
    assert [change.line for change in chosen] == sorted(change.line for change in chosen)
    assert sample(found[:5], size=20) == found[:5]


def _git_checkout() -> bool:
    git = shutil.which("git")
    if git is None:
        return False
    inside = subprocess.run(
        [git, "-C", str(PROJECT_ROOT), "rev-parse", "--verify", "HEAD"],
        capture_output=True,
        check=False,
    )
    return inside.returncode == 0


needs_git = pytest.mark.skipif(not _git_checkout(), reason="not a git checkout")


@needs_git
def test_a_release_is_unpacked_from_the_history(tmp_path):
    code = release_code(tmp_path, "HEAD")

    assert (code / "reader" / "__main__.py").is_file()


@needs_git
def test_a_release_missing_from_the_history_is_unavailable(tmp_path):
    with pytest.raises(Unavailable, match="git archive no-such-release failed"):
        release_code(tmp_path, "no-such-release")


def test_a_release_reads_a_file_through_its_command_line(tmp_path):
    text = tmp_path / "text.txt"
    text.write_text("网络安全。\nOK\n", encoding="utf-8")
    (tmp_path / "data").mkdir()

    reading, seconds = read_pinyin(PROJECT_ROOT, text, os.environ, tmp_path)

    assert reading == [["wang3", "luo4", "an1", "quan2", None], [None, None]]
    assert seconds > 0
