# Two entry points for a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_STORE := .qa-demo

.PHONY: demo test install install-test eval bench-retrieval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/qa ingest seeds/ --store $(DEMO_STORE) --rebuild
	$(BIN)/qa sources --store $(DEMO_STORE)
	$(BIN)/qa ask --store $(DEMO_STORE) "《关于推动脑机接口产业创新发展的实施意见》明确到哪一年构建具有国际竞争力的产业生态?"
	$(BIN)/qa ask --store $(DEMO_STORE) "华强广场项目可以创造多少个就业岗位?"

test: install-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DEMO_STORE) .qa .pytest_cache build dist *.egg-info
