# The two reader commands are `make book` and `make test`; both create .venv from the lock.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
JB := $(BIN)/jupyter-book
JBFLAGS := -W -n --keep-going
CACHE_STAMP := _build/.cache-stamp
# The installer used to create .venv from the lock (not part of the environment itself).
UV_VERSION := 0.13.9
# Debian packages: TeX for `make pdf`; Chromium for the browser tests; poppler-utils to read the PDF back.
# .ci/run installs them all (`make apt-packages` prints the list).
TEX_PACKAGES := latexmk texlive-xetex texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf
APT_PACKAGES := chromium poppler-utils $(TEX_PACKAGES)

# Reproducible numbers and no GUI: one BLAS thread, the Agg backend, no debugger noise.
export OMP_NUM_THREADS := 1
export OPENBLAS_NUM_THREADS := 1
export MKL_NUM_THREADS := 1
export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export PYTHONHASHSEED := 0

.PHONY: help venv book test unit nbval build-test browser lint notebooks bench lock clean pdf archive publication apt-packages

help:
	@echo "make book       build the HTML book in _build/html (executes every notebook)"
	@echo "make test       lint, book build with -W, unit tests, strict nbval, the built book in headless Chromium"
	@echo "make pdf        the whole book as a PDF through XeLaTeX: _build/latex/book.pdf (needs TeX Live, see README)"
	@echo "make archive    one zip of the HTML book, executed notebooks, data and citation files: _build/archive/"
	@echo "make publication  make pdf + make archive, then check both (what CI runs after make test)"
	@echo "make notebooks  re-execute book/*.md into tests/notebooks/*.ipynb (the nbval references)"
	@echo "make bench      wall times of a clean build, a no-change rebuild and make test"
	@echo "make lock       re-resolve pyproject.toml into requirements.lock and environment.yml"
	@echo "make clean      remove _build (keeps .venv)"

venv: $(STAMP)

# The environment is rebuilt from scratch whenever the lock or the project metadata change.
$(STAMP): requirements.lock pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	@# uv installs the lock in seconds where pip takes minutes; plain pip is the fallback.
	if $(BIN)/python -m pip install --quiet --disable-pip-version-check --target $(VENV)/uv-tool uv==$(UV_VERSION); then \
	  $(VENV)/uv-tool/bin/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock; \
	else \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock; \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The execution cache is keyed on code cells only: wipe it whenever the physics or the data change.
$(CACHE_STAMP): $(wildcard tlslib/*.py) $(wildcard data/*.csv) requirements.lock
	rm -rf _build/.jupyter_cache
	mkdir -p _build
	touch $@

book: $(STAMP) $(CACHE_STAMP)
	$(JB) build . $(JBFLAGS)
	@echo "open _build/html/index.html"

# The browser tests read the fresh build of build-test; they run last, with pytest closing the run.
test: lint build-test unit nbval browser

lint: $(STAMP)
	$(BIN)/ruff check tlslib tests tools
	$(BIN)/ruff format --check tlslib tests tools

unit: $(STAMP)
	$(BIN)/pytest -q -p no:cacheprovider tests --ignore=tests/test_browser.py --ignore=tests/test_publication.py

nbval: $(STAMP)
	$(BIN)/pytest -q -p no:cacheprovider -n 2 --dist loadscope --nbval --nbval-current-env \
		--nbval-sanitize-with tests/sanitize.cfg tests/notebooks

# A fresh execution in its own output folder: never a cached output.
build-test: $(STAMP)
	rm -rf _build/test
	$(JB) build . $(JBFLAGS) --path-output _build/test

# Headless Chromium (Debian's package, never a downloaded browser) over the HTML of build-test.
browser: $(STAMP)
	BOOK_HTML=_build/test/_build/html $(BIN)/pytest -q -p no:cacheprovider tests/test_browser.py

# The PDF shares the execution cache of `make book`.
pdf: $(STAMP) $(CACHE_STAMP)
	@command -v xelatex >/dev/null && command -v latexmk >/dev/null || { echo "make pdf needs XeLaTeX and latexmk:" \
		"apt-get install -y --no-install-recommends $(TEX_PACKAGES)"; exit 1; }
	$(JB) build . $(JBFLAGS) --builder pdflatex
	@echo "PDF: _build/latex/book.pdf"

archive: book
	$(BIN)/python tools/archive.py

publication: pdf archive
	$(BIN)/pytest -q -p no:cacheprovider tests/test_publication.py

notebooks: $(STAMP)
	$(BIN)/python tools/refresh_notebooks.py

bench: $(STAMP)
	$(BIN)/python tools/bench.py

lock:
	rm -rf _build/lockenv
	$(PYTHON) -m venv _build/lockenv
	_build/lockenv/bin/python -m pip install --quiet --disable-pip-version-check ".[book,test]"
	{ echo "# Exact versions of every package (transitive included) for Python 3.11; regenerate with 'make lock'."; \
	  _build/lockenv/bin/python -m pip freeze --exclude-editable | grep -v '^tlslib'; } > requirements.lock
	$(PYTHON) tools/make_environment.py
	rm -rf _build/lockenv

apt-packages:
	@echo $(APT_PACKAGES)

clean:
	rm -rf _build
