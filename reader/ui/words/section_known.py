"""Words ▸ Mark the Rest of This Section Known: LingQ's page turn. Every word of the section
the reader is in that is still new becomes known, in one undoable step; what the reader
marked stays as marked, and numbers and names stay new: the words are those the coverage
counts (reader.language.counted_words).

"This section" is the deepest section at the top of the view shown (the one the status bar
names), without the sections under it: they are read, and marked, when the reader gets
there. Its words come from the session's segmentation (with the reader's corrections), by a
worker: a chapter not segmented yet is cut first.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.document.model import Section
from reader.store import Status
from reader.ui.session.current import CurrentSession
from reader.ui.session.document_session import DocumentSession
from reader.ui.views.text_surface import TextSurface
from reader.ui.words.status_holder import StatusHolder

SHORTCUT = "Ctrl+Shift+K"
STEP_NAME = "Mark Section Known"
STATUS_MS = 8000


def own_text(section: Section) -> tuple[int, int]:
    """Where the section's own text is: from its heading to its first subsection."""
    end = section.children[0].start if section.children else section.end
    return section.start, max(section.start, end)


class SectionKnown:
    def __init__(
        self,
        holder: StatusHolder,
        current: CurrentSession,
        shown_view: Callable[[], TextSurface],
        say: Callable[[str, int], object],
    ) -> None:
        """`say(line, ms)`: the status bar."""
        self._holder = holder
        self._current = current
        self._shown_view = shown_view
        self._say = say

    def section(self) -> Section | None:
        """The section the reader is in: the deepest at the top of the view shown."""
        session = self._current.session
        if session is None:
            return None
        return session.document.section_at(self._shown_view().top_offset())

    def mark(self) -> bool:
        """Start marking the section's new words known; False if there is nothing to read."""
        session = self._current.session
        section = self.section()
        if session is None or section is None:
            return False
        if not session.ready:
            self._say(
                "The words of the text are still being read; try again in a moment.", STATUS_MS
            )
            return False
        start, end = own_text(section)
        tools = self._current.warm_up.tools

        def words() -> list[str]:
            tokens = session.segmentation.tokens(start, end, session.cancelled)
            text = session.text
            counted = tools.counted_words.learn(text[t.start : t.end] for t in tokens)
            return list(dict.fromkeys(word.key for word in counted.values() if word))

        self._current.runner.run(words, lambda found: self._found(session, section, found))
        return True

    def _found(self, session: DocumentSession, section: Section, words: list[str]) -> None:
        if session.closed:
            return  # another document is shown now
        new = [word for word in words if self._holder.status(word) is Status.NEW]
        heading = " ".join(section.heading.split()) or "this section"
        count = self._holder.set(dict.fromkeys(new, Status.KNOWN), STEP_NAME)
        if count:
            marked = "1 word" if count == 1 else f"{count:,} words"
            self._say(f"{marked} of “{heading}” marked known (Undo takes them back).", STATUS_MS)
        else:
            self._say(f"No new words left in “{heading}”.", STATUS_MS)
