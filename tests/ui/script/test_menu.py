"""View ▸ Script: three radio entries, in step with the choice however it is made."""

from __future__ import annotations

from reader.language.script import Script
from tests.ui.script.script_helpers import script_action


def test_one_entry_is_checked_the_one_chosen(make_window):
    window = make_window()
    actions = {script: script_action(window, script) for script in Script}
    assert [a.isChecked() for a in actions.values()] == [True, False, False]
    assert all(a.shortcut().isEmpty() for a in actions.values())

    actions[Script.TRADITIONAL].trigger()
    assert [a.isChecked() for a in actions.values()] == [False, False, True]
    assert window.script_choice.script() is Script.TRADITIONAL


def test_a_choice_made_elsewhere_checks_its_entry(make_window):
    """As the preferences' Script box sets it."""
    window = make_window()
    window.script_choice.set_script(Script.SIMPLIFIED)
    assert script_action(window, Script.SIMPLIFIED).isChecked()
    assert not script_action(window, Script.AS_WRITTEN).isChecked()
