"""The script choice: remembered at once, announced once, converted once for both views."""

from __future__ import annotations

from reader.language.script import Script
from reader.ui.script.choice import ScriptChoice
from reader.ui.settings import Settings


def test_the_choice_is_saved_and_announced_once(qtbot):
    choice = ScriptChoice(Settings())
    assert choice.script() is Script.AS_WRITTEN

    with qtbot.waitSignal(choice.changed) as changed:
        choice.set_script(Script.TRADITIONAL)
    assert changed.args == [Script.TRADITIONAL]
    with qtbot.assertNotEmitted(choice.changed):
        choice.set_script(Script.TRADITIONAL)
    assert Settings().script is Script.TRADITIONAL
    assert ScriptChoice(Settings()).script() is Script.TRADITIONAL


def test_the_settings_value_is_the_scripts_name(qtbot, isolated_settings):
    ScriptChoice(Settings()).set_script(Script.SIMPLIFIED)
    assert "script=simplified" in (isolated_settings / "reader.ini").read_text(encoding="utf-8")


def test_a_value_no_script_has_is_read_as_written(qtbot):
    settings = Settings()
    settings._store.setValue("view/script", "klingon")
    assert ScriptChoice(settings).script() is Script.AS_WRITTEN


def test_text_is_converted_once_for_both_views(qtbot):
    choice = ScriptChoice(Settings())
    text = "这是国家"
    assert choice.shown_text(text) is text
    choice.set_script(Script.TRADITIONAL)
    shown = choice.shown_text(text)
    assert shown == "這是國家"
    assert choice.shown_text(text) is shown
    choice.set_script(Script.SIMPLIFIED)
    assert choice.shown_text(shown) == text
