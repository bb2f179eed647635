# The two commands of the quick start: `make demo` and `make test`.
# Each creates .venv on first use from the pins in pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
DB ?= sqlite:///armswatch.db
export SSL_CERT_FILE ?= /etc/ssl/certs/ca-certificates.crt

.PHONY: install demo test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv==0.13.8 \
	  && $(BIN)/uv pip install -q -p $(BIN)/python -e ".[dev]" \
	  || $(BIN)/python -m pip install -q --disable-pip-version-check -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/armswatch ingest examples/ --db $(DB)
	$(BIN)/armswatch summary --db $(DB)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) armswatch.db .pytest_cache
