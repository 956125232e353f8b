"""The five highlight colours and the names a reader gives them (yellow = vocabulary ...).

A colour is stored by its key; its name is what it means to this reader, and travels with
exports as a tag, so a colour keeps its meaning in another program.
"""

from __future__ import annotations

from reader.store.database import Database

COLOURS = ("yellow", "red", "green", "blue", "purple")
DEFAULT_COLOUR = "yellow"
DEFAULT_NAMES = {
    "yellow": "vocabulary",
    "red": "question",
    "green": "grammar",
    "blue": "idea",
    "purple": "important",
}
HIGHLIGHT_RGB = {
    "yellow": "#fff176",
    "red": "#ef9a9a",
    "green": "#a5d6a7",
    "blue": "#90caf9",
    "purple": "#ce93d8",
}
"""Light enough that black text stays readable on them."""


def check_colour(colour: str) -> str:
    if colour not in COLOURS:
        raise ValueError(f"unknown colour {colour!r}; the colours are {', '.join(COLOURS)}")
    return colour


class ColourNames:
    """The names of the five colours, one set for the whole store."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def all(self) -> dict[str, str]:
        """Every colour's name, in the order of COLOURS."""
        stored = dict(self._database.query("SELECT colour, name FROM colour_names"))
        return {colour: stored.get(colour) or DEFAULT_NAMES[colour] for colour in COLOURS}

    def rename(self, colour: str, name: str) -> str:
        """Give a colour a new name (an empty one brings back the default); returns the old."""
        check_colour(colour)
        name = " ".join(name.split()) or DEFAULT_NAMES[colour]
        with self._database.transaction():
            previous = self.all()[colour]
            self._database.execute(
                "INSERT INTO colour_names (colour, name) VALUES (?, ?) "
                "ON CONFLICT (colour) DO UPDATE SET name = excluded.name",
                (colour, name),
            )
        return previous

    def colour_named(self, name: str) -> str | None:
        """The colour with this name (or key), ignoring case, if any."""
        wanted = name.strip().casefold()
        for colour, colour_name in self.all().items():
            if wanted in (colour, colour_name.casefold()):
                return colour
        return None
