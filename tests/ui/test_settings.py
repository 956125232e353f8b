"""Settings: an INI file in READER_SETTINGS_DIR, read back by the next Settings."""

from __future__ import annotations

from pathlib import Path

from reader.ui.qt import QtCore
from reader.ui.settings import (
    MAX_DOCUMENT_CHOICES,
    MAX_PLACES,
    MAX_RECENT,
    DocumentChoices,
    Settings,
)


def test_the_file_lives_in_the_folder_the_environment_names(isolated_settings):
    settings = Settings()
    settings.zoom = 2
    assert Path(settings.file_name) == isolated_settings / "reader.ini"
    assert "zoom=2" in (isolated_settings / "reader.ini").read_text(encoding="utf-8")


def test_values_survive_into_a_new_settings_object(tmp_path):
    first = Settings()
    first.geometry = QtCore.QByteArray(b"\x01\x02geometry")
    first.window_state = QtCore.QByteArray(b"\x00state")
    first.zoom = -3
    first.last_document = tmp_path / "中文, 名字.txt"
    second = Settings()
    assert second.geometry == QtCore.QByteArray(b"\x01\x02geometry")
    assert second.window_state == QtCore.QByteArray(b"\x00state")
    assert second.zoom == -3
    assert second.last_document == tmp_path / "中文, 名字.txt"


def test_nothing_saved_reads_as_defaults():
    settings = Settings()
    assert settings.geometry.isEmpty()
    assert settings.window_state.isEmpty()
    assert settings.zoom == 0
    assert settings.last_document is None
    assert settings.recent_files == []


def test_recent_files_are_most_recent_first_without_repeats_and_capped(tmp_path):
    settings = Settings()
    paths = [tmp_path / f"{number}, 书.txt" for number in range(MAX_RECENT + 3)]
    for path in paths:
        settings.add_recent(path)
    settings.add_recent(paths[5])
    recent = Settings().recent_files
    assert recent[0] == paths[5]
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == MAX_RECENT
    assert recent[1:4] == [paths[-1], paths[-2], paths[-3]]


def test_a_single_recent_file_reads_back_as_a_list(tmp_path):
    Settings().add_recent(tmp_path / "one.txt")
    assert Settings().recent_files == [tmp_path / "one.txt"]


def test_clearing_recent_files():
    settings = Settings()
    settings.add_recent(Path("/somewhere/a.txt"))
    settings.clear_recent()
    assert Settings().recent_files == []


def test_a_damaged_zoom_value_reads_as_zero(isolated_settings):
    (isolated_settings / "reader.ini").write_text("[view]\nzoom=big\n", encoding="utf-8")
    assert Settings().zoom == 0


def test_document_choices_survive_into_a_new_settings_object(tmp_path):
    path = tmp_path / '中文, 名字 "引号".txt'
    pattern = r'^第[一二三]+"回\s*,;'
    Settings().set_document_choices(path, DocumentChoices("GB18030", pattern))
    Settings().set_document_choices(tmp_path / "other.txt", DocumentChoices(encoding="Big5"))
    settings = Settings()
    assert settings.document_choices(path) == DocumentChoices("GB18030", pattern)
    assert settings.document_choices(tmp_path / "other.txt") == DocumentChoices("Big5", None)
    assert settings.document_choices(tmp_path / "never.txt") == DocumentChoices()


def test_choosing_nothing_forgets_the_document(isolated_settings, tmp_path):
    path = tmp_path / "book.txt"
    Settings().set_document_choices(path, DocumentChoices(heading_pattern="^卷"))
    Settings().set_document_choices(path, DocumentChoices())
    assert Settings().document_choices(path) == DocumentChoices()
    assert "book.txt" not in (isolated_settings / "reader.ini").read_text(encoding="utf-8")


def test_choices_that_no_longer_work_are_left_out(isolated_settings, tmp_path):
    path = tmp_path / "book.txt"
    Settings().set_document_choices(path, DocumentChoices("no-such-codec", "第("))
    assert Settings().document_choices(path) == DocumentChoices()
    (isolated_settings / "reader.ini").write_text(
        '[documents]\nchoices="{not json"\n', encoding="utf-8"
    )
    assert Settings().document_choices(path) == DocumentChoices()
    Settings().set_document_choices(path, DocumentChoices("Big5"))
    assert Settings().document_choices(path) == DocumentChoices("Big5")


def test_the_oldest_choices_are_forgotten_first(tmp_path):
    settings = Settings()
    paths = [tmp_path / f"{number}.txt" for number in range(MAX_DOCUMENT_CHOICES + 2)]
    for path in paths:
        settings.set_document_choices(path, DocumentChoices("Big5"))
    settings.set_document_choices(paths[0], DocumentChoices("GB18030"))
    again = Settings()
    assert again.document_choices(paths[0]) == DocumentChoices("GB18030")
    assert again.document_choices(paths[1]) == DocumentChoices()
    assert again.document_choices(paths[2]) == DocumentChoices()
    assert again.document_choices(paths[3]) == DocumentChoices("Big5")
    assert again.document_choices(paths[-1]) == DocumentChoices("Big5")


def test_a_value_set_again_is_written_even_after_another_object_changed_it(tmp_path):
    """An unchanged value is not written again (each write syncs the file); what one
    settings object changed, another sees, so its "unchanged" is never stale."""
    window, other = Settings(), Settings()
    window.last_document = tmp_path / "a.txt"
    other.last_document = tmp_path / "b.txt"
    window.last_document = tmp_path / "a.txt"
    assert Settings().last_document == tmp_path / "a.txt"


def test_opening_the_document_read_last_writes_nothing(isolated_settings, tmp_path):
    settings = Settings()
    path = tmp_path / "书.txt"
    settings.add_recent(path)
    settings.last_document = path
    settings.zoom = 2
    written = Path(settings.file_name).stat().st_mtime_ns
    settings.add_recent(path)
    settings.last_document = path
    settings.zoom = 2
    assert Path(settings.file_name).stat().st_mtime_ns == written


def test_an_open_under_way_is_seen_by_the_next_start_whatever_the_path(tmp_path):
    path = Path(b"/tmp/\xff\xfe-\xe4\xb9\xa6.txt".decode("utf-8", "surrogateescape"))
    Settings().unfinished_open = path
    assert Settings().unfinished_open == path
    Settings().unfinished_open = None
    assert Settings().unfinished_open is None


def test_reading_places_survive_into_a_new_settings_object(tmp_path):
    book, article = tmp_path / "红楼梦.txt", tmp_path / "文章.txt"
    Settings().set_reading_place(book, 62869)
    Settings().set_reading_place(article, 12)
    settings = Settings()
    assert settings.reading_place(book) == 62869
    assert settings.reading_place(article) == 12
    assert settings.reading_place(tmp_path / "never.txt") == 0


def test_damaged_reading_places_read_as_the_start(isolated_settings, tmp_path):
    for damaged in ("[1, 2]", "{not json", '{"%s": "12"}' % (tmp_path / "a.txt"), ""):
        settings = Settings()
        settings._set("documents/places", damaged)
        assert Settings().reading_place(tmp_path / "a.txt") == 0


def test_the_places_read_longest_ago_are_forgotten_first(tmp_path):
    settings = Settings()
    for number in range(MAX_PLACES + 1):
        settings.set_reading_place(tmp_path / f"{number}.txt", number + 1)
    settings.set_reading_place(tmp_path / "1.txt", 7)  # read again: kept longest
    settings.set_reading_place(tmp_path / "new.txt", 1)
    again = Settings()
    assert again.reading_place(tmp_path / "0.txt") == 0
    assert again.reading_place(tmp_path / "2.txt") == 0
    assert again.reading_place(tmp_path / "1.txt") == 7
    assert again.reading_place(tmp_path / f"{MAX_PLACES}.txt") == MAX_PLACES + 1
