# Two entry points, both from a fresh clone with only Python 3.11+ and make:
#   make app    set up .venv and open the desktop app on the embedded demo data
#   make test   set up .venv and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: app test demo bench lint clean installer

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[all,test]'
	touch $@

app: $(BIN)/.installed
	$(BIN)/clvdesk gui --demo

test: $(BIN)/.installed
	$(BIN)/python -m pytest

demo: $(BIN)/.installed
	$(BIN)/clvdesk demo

bench: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run_all.py

installer: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[installer]'
	$(BIN)/python installer/build.py --package

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) build dist *.egg-info
