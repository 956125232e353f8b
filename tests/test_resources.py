"""Shipped files are found the same way from a source checkout and from an installed wheel.

The frozen app is the third way; tests/test_packaging.py covers it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader import resources

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHECKOUT_SEED = PROJECT_ROOT / "seeds" / resources.SEED_NAME
SHIPPED_FOLDERS = ("resources", "seeds")

# Run in a bare interpreter (-S: no site-packages, so not the editable install of the checkout)
# from the unpacked wheel; prints where the shipped files were found.
_LOOKUP = """
import json, sys
from pathlib import Path
import reader.resources as resources
names = json.loads(sys.argv[1])
print(json.dumps({
    "module": resources.__file__,
    "seed": str(resources.seed_article()),
    "found": {name: str(resources.find(name)) for name in names},
}))
"""


def _shipped_files(root: Path) -> list[str]:
    """Every file under root's resources/ and seeds/, as "resources/x" paths."""
    return sorted(
        path.relative_to(root).as_posix()
        for folder in SHIPPED_FOLDERS
        for path in (root / folder).rglob("*")
        if path.is_file()
    )


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel (as pip would install it) and unzipped."""
    build = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(build),
            str(PROJECT_ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (wheel,) = build.glob("reader-*.whl")
    unpacked = build / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    return unpacked


def test_checkout_seed_is_the_seed_file() -> None:
    seed = resources.seed_article()

    assert seed.resolve() == CHECKOUT_SEED.resolve()
    assert seed.read_bytes() == CHECKOUT_SEED.read_bytes()


def test_checkout_finds_every_shipped_file() -> None:
    for name in _shipped_files(PROJECT_ROOT):
        assert resources.find(name).read_bytes() == (PROJECT_ROOT / name).read_bytes()


def test_missing_resource_is_a_clear_error() -> None:
    with pytest.raises(FileNotFoundError, match=re.escape("resources/no-such-file.qss is missing")):
        resources.find("resources/no-such-file.qss")


def test_wheel_ships_resources_and_seeds_inside_the_package(unpacked_wheel: Path) -> None:
    assert _shipped_files(unpacked_wheel / "reader") == _shipped_files(PROJECT_ROOT)


def test_installed_wheel_finds_shipped_files_inside_itself(
    unpacked_wheel: Path, tmp_path: Path
) -> None:
    names = _shipped_files(PROJECT_ROOT)
    result = subprocess.run(
        [sys.executable, "-S", "-c", _LOOKUP, json.dumps(names)],
        cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked_wheel), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)

    package = (unpacked_wheel / "reader").resolve()
    assert Path(found["module"]).resolve().parent == package
    seed = Path(found["seed"]).resolve()
    assert seed.is_relative_to(package)
    assert seed.read_bytes() == CHECKOUT_SEED.read_bytes()
    assert set(found["found"]) == set(names)
    for name, path in found["found"].items():
        assert Path(path).resolve().is_relative_to(package), name
        assert Path(path).read_bytes() == (PROJECT_ROOT / name).read_bytes()
