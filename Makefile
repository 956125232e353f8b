# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint package bench bytecode clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $(STAMP)

# Compiled here, as pip and PyInstaller do for users, so that no start-up is spent
# compiling the sources again where PYTHONDONTWRITEBYTECODE is set.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q reader

run: bytecode
	$(BIN)/reader

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

package: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean reader.spec

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf build dist $(VENV)
