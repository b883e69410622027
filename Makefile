# Two commands: `make run` (set up and start the app) and `make test` (set up and run every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test setup setup-dev browser clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev

# Debian's chromium for the real-browser test (never `playwright install`: it downloads a browser).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "note: could not install chromium; the browser test will be skipped"; \
	else echo "note: no /usr/bin/chromium and no root apt-get; the browser test will be skipped"; fi

# `make run DIRECTORY=providers.parquet` opens another directory (its index is kept next to it).
run: setup
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false \
		$(if $(DIRECTORY),-- --directory $(DIRECTORY))

# pytest exits 5 when it collects no test: that is a failure here too.
test: setup-dev browser
	$(PY) -m pytest

clean:
	rm -rf $(VENV) .pytest_cache tests/artifacts
