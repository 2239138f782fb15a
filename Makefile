# The reader commands are `make book`, `make verify` and `make test`; each creates .venv from the lock.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# Any supported CPython (3.11-3.13), the oldest first; override with `make PYTHON=python3.13 ...`.
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3; do command -v $$p >/dev/null && $$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null && { command -v $$p; break; }; done)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
JB := $(BIN)/jupyter-book
JBFLAGS := -W -n --keep-going
CACHE_STAMP := _build/.cache-stamp
# Chapters executed by nbval in `make verify`, with this run's outputs: the HTML of `make test` shows them.
VERIFIED := _build/verified
NBVAL := $(BIN)/pytest -q -p no:cacheprovider -n auto --dist loadscope --nbval --nbval-current-env \
	--nbval-sanitize-with tests/sanitize.cfg
# The installer used to create .venv from the lock (not part of the environment itself).
UV_VERSION := 0.13.9
# Debian packages: TeX for `make pdf`; Chromium for the browser tests; poppler-utils to read the PDF back.
# .ci/run installs them all (`make apt-packages` prints the list).
TEX_PACKAGES := latexmk texlive-xetex texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf \
	fonts-dejavu-core fonts-dejavu-extra
APT_PACKAGES := chromium poppler-utils $(TEX_PACKAGES)

# Reproducible numbers and no GUI: one BLAS thread, the Agg backend, no debugger noise.
export OMP_NUM_THREADS := 1
export OPENBLAS_NUM_THREADS := 1
export MKL_NUM_THREADS := 1
export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export PYTHONHASHSEED := 0
# matplotlib's configuration and font cache inside the project, made afresh after `make clean`:
# no ~/.config/matplotlib (a matplotlibrc) or stale ~/.cache/matplotlib (a font list) can change a figure.
export MPLCONFIGDIR := $(CURDIR)/_build/mplconfig

.PHONY: help venv book verify test unit install-check nbval build-test browser lint notebooks notebook bench lock clean pdf archive publication \
	apt-packages dispatch-levels simulations simulations-check mutation

help:
	@echo "make verify     do the numbers reproduce? execute every chapter once, compare every output with the"
	@echo "                book's recorded outputs (nbval); a short report, the full log in _build/verify.log"
	@echo "make book       build the HTML book in _build/html (executes every notebook)"
	@echo "make test       lint, make verify, unit tests, the book built with -W from the verified outputs"
	@echo "                (under 2 minutes on 2 cores)"
	@echo "make browser    the book of make test in headless Chromium: layout at 1280 and 390 px, words, math"
	@echo "                (\`make test browser\` runs both with one make verify; CI does)"
	@echo "make pdf        the whole book as a PDF through XeLaTeX: _build/latex/book.pdf (needs TeX Live, see README)"
	@echo "make archive    one zip: HTML book, PDF, executed notebooks, tlslib, data, lock, claims ledger;"
	@echo "                \`make verify\` reruns it from the unzipped folder alone: _build/archive/"
	@echo "make publication  make pdf + make archive, then check both, rerunning the archive (CI, after make test)"
	@echo "make install-check  the wheel of \`pip install .\` in a fresh venv (numpy, scipy only): CLI and API"
	@echo "make notebooks  re-execute book/*.md into tests/notebooks/*.ipynb (the nbval references)"
	@echo "make notebook CHAPTER=table1   one chapter as an executed notebook with its numbers: notebooks/table1.ipynb"
	@echo "make simulations  regenerate the cached simulation outputs data/dipole_gap_*.csv (about 2 min, 2 cores, 10 GB)"
	@echo "make simulations-check  make simulations, then fail if data/ differs from git (tools/check_simulations.sh)"
	@echo "make bench      wall times of a clean build, a no-change rebuild and make test"
	@echo "make lock       re-resolve pyproject.toml into requirements.lock and environment.yml"
	@echo "make clean      remove _build (keeps .venv)"

venv: $(STAMP)

# The environment is rebuilt from scratch whenever the lock or the project metadata change.
$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "make: no Python 3.11, 3.12 or 3.13 found (set PYTHON=/path/to/python3.x)"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null \
		|| { echo "make: PYTHON=$(PYTHON) does not run, or is not Python 3.11-3.13"; exit 1; }
	@echo "creating $(VENV) with $$($(PYTHON) -c 'import sys; print("Python", sys.version.split()[0], "at", sys.executable)')"
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

# The execution cache is keyed on code cells only: wipe it whenever the physics or the data change,
# then fill it by executing every chapter in parallel (one kernel per core).
# Every file of tlslib/ and data/ (claims.toml included) and every chapter: a change to any of them
# re-executes the book, so _build/executed (which the archive and its rebuild test read) never lags
# a chapter that the build would otherwise have executed by itself.
BOOK_INPUTS := $(shell find tlslib data -type f -not -path "*/__pycache__/*" 2>/dev/null) $(wildcard book/*.md)
$(CACHE_STAMP): $(BOOK_INPUTS) requirements.lock | $(STAMP)
	rm -rf _build/.jupyter_cache _build/executed
	mkdir -p _build
	$(BIN)/python tools/refresh_notebooks.py --out _build/executed --keep-figures
	$(BIN)/python tools/seed_cache.py _build/executed _build/.jupyter_cache
	touch $@

# From an empty _build/html: Sphinx keeps the files of older builds (the images of figures since
# redrawn), which the archive would otherwise pack.
book: $(STAMP) $(CACHE_STAMP)
	rm -rf _build/html
	$(JB) build . $(JBFLAGS)
	@echo "open _build/html/index.html"

# Every chapter is executed once, by nbval in `verify`; build-test takes the verified outputs.
# The browser tests (about 50 s) are not part of it, so that `make test` stays under 2 minutes on
# 2 cores: `make test browser` runs both with one `make verify`, and .ci/run does.
# After verify, the unit tests (2 workers) and the one-process Sphinx build share the 2 cores
# (each target's output printed whole when it ends).
test: lint verify
	@$(MAKE) --no-print-directory -j2 --output-sync=target unit $(BUILD_STAMP)

# The referee's command: one execution of every chapter, every output compared with the book's
# recorded outputs (tests/notebooks). pytest's whole output goes to $(VERIFY_LOG); the terminal shows
# a short report (tests/nbval_verified.py): values compared per chapter, the claims ledger, and on a
# difference the inputs changed from git, the values that moved and the verdicts that changed.
VERIFY_LOG := _build/verify.log
# Touched when a verify passes; the HTML of build-test is built from that run's outputs.
VERIFY_STAMP := _build/.verify-passed
BUILD_STAMP := _build/test/.built
verify: $(STAMP)
	rm -rf $(VERIFIED)
	@mkdir -p $(dir $(VERIFY_LOG))
	@echo "make verify: executing every chapter and comparing its outputs (about a minute; log: $(VERIFY_LOG))"
	@status=0; $(NBVAL) --color=no tests/notebooks > $(VERIFY_LOG) 2>&1 || status=$$?; \
		$(BIN)/python tests/nbval_verified.py --status $$status --log $(VERIFY_LOG) --verified $(VERIFIED)
	@touch $(VERIFY_STAMP)

lint: $(STAMP)
	$(BIN)/ruff check tlslib tests tools
	$(BIN)/ruff format --check tlslib tests tools

unit: $(STAMP)
	$(BIN)/pytest -q -p no:cacheprovider -n auto --dist loadgroup tests -m "not browser and not publication and not install"

nbval: verify

# The light install: the wheel in a fresh venv with numpy and scipy only, run from another directory.
install-check: $(STAMP)
	$(BIN)/pytest -q -p no:cacheprovider tests/test_install.py

# The HTML with -W from the outputs `verify` produced and compared in this run (a chapter that
# nbval did not verify, e.g. a new one without a reference, is executed by the build itself).
# $(BUILD_STAMP) is newer than $(VERIFY_STAMP) once this verify's outputs are built: `make test
# browser` builds once.
build-test: verify
	@$(MAKE) --no-print-directory $(BUILD_STAMP)

$(VERIFY_STAMP):
	@echo "make: no passed verify to build from: run make build-test (or make verify first)"; exit 2

$(BUILD_STAMP): $(VERIFY_STAMP)
	rm -rf _build/test
	$(BIN)/python tools/seed_cache.py $(VERIFIED) _build/test/_build/.jupyter_cache
	$(JB) build . $(JBFLAGS) --path-output _build/test
	@touch $@

# Headless Chromium (Debian's package, never a downloaded browser) over the HTML of build-test.
browser: build-test
	BOOK_HTML=_build/test/_build/html $(BIN)/pytest -q -p no:cacheprovider tests/test_browser.py

# The PDF's dates (Sphinx's, and xdvipdfmx's creation date and /ID) are the commit's, so two builds of
# one commit give the same bytes; outside a git checkout of this folder they are the build's.
PDF_DATE := $(shell [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$(CURDIR)" ] && git log -1 --format=%ct 2>/dev/null)

# The PDF shares the execution cache of `make book`.
pdf: $(STAMP) $(CACHE_STAMP)
	@command -v xelatex >/dev/null && command -v latexmk >/dev/null || { echo "make pdf needs XeLaTeX and latexmk:" \
		"apt-get install -y --no-install-recommends $(TEX_PACKAGES)"; exit 1; }
	$(if $(PDF_DATE),SOURCE_DATE_EPOCH=$(PDF_DATE) FORCE_SOURCE_DATE=1 )$(JB) build . $(JBFLAGS) --builder pdflatex
	@# \tracinglostchars=3 (tools/latex/tlsbook.sty) stops XeLaTeX on a missing glyph; the log is read too.
	@! grep -a "Missing character" _build/latex/book.log || { echo "make pdf: characters missing from the fonts (above)"; exit 1; }
	@echo "PDF: _build/latex/book.pdf ($$(pdfinfo _build/latex/book.pdf 2>/dev/null | sed -n 's/^Pages: *//p') pages," \
		"$$(grep -ac '^Overfull' _build/latex/book.log || true) overfull boxes in _build/latex/book.log)"

# The book's self-contained supplement: HTML, PDF, executed notebooks, tlslib, data, the lock, the
# claims ledger and what `make verify` needs to rerun every number from the unzipped folder alone.
archive: book pdf
	$(BIN)/python tools/archive.py

# Reads the PDF and the zip back; unzips the archive and runs `make verify` in it (a fresh .venv).
publication: pdf archive
	$(BIN)/pytest -q -p no:cacheprovider tests/test_publication.py

notebooks: $(STAMP)
	$(BIN)/python tools/refresh_notebooks.py

# One chapter as an executed notebook with its glued numbers written into the prose, for Jupyter:
# notebooks/CHAPTER.ipynb (ignored by git and by the build). `make notebook CHAPTER=table1`
notebook: $(STAMP)
	@test -n "$(CHAPTER)" || { echo "make notebook CHAPTER=NAME, NAME one of: $(notdir $(basename $(wildcard book/*.md)))"; exit 2; }
	$(BIN)/python tools/chapter_notebook.py $(CHAPTER)
	@echo "open it with: $(BIN)/jupyter lab notebooks/$(CHAPTER).ipynb   (jupyterlab: $(BIN)/python -m pip install jupyterlab)"

# NPY_DISABLE_CPU_FEATURES values this machine offers (default first); .ci/run verifies under each.
dispatch-levels: $(STAMP)
	@$(BIN)/python tools/dispatch_levels.py

bench: $(STAMP)
	$(BIN)/python tools/bench.py

# Every cached simulation output of data/, from code and seeds; each file's `#` header records the
# inputs and the sha256 of the generating code (tests/test_simulations.py checks it).
simulations: $(STAMP)
	$(BIN)/python tools/dipole_gap.py

# Regenerate and compare with git, bit for bit (for CI).
simulations-check: $(STAMP)
	tools/check_simulations.sh

# Mutation testing of the physics layer ([tool.mutmut] in pyproject.toml): every mutant of the core
# modules of tlslib/ runs the unit tests that call the mutated function; a fresh run each time.
# Prints the survivors by module, the diff of each one that is not an equivalent dtype or message
# mutant nor argued equivalent in tools/mutation_equivalent/*.toml, and the score on the last line
# (tools/mutation_report.py; argued survivors still count against it); fails below MUTATION_THRESHOLD.
# 10-12 minutes on 2 quiet cores (an hour when the machine is loaded). Unit tests only: `make verify` takes 2.4 minutes here, so
# rerunning it for each survivor in chapter code would take hours, not the ~20 minutes allowed.
MUTATION_THRESHOLD ?= 84
mutation: $(STAMP)
	rm -rf mutants
	mkdir -p _build
	$(BIN)/mutmut run --max-children 2 > _build/mutation.log 2>&1 || { tail -n 40 _build/mutation.log; exit 1; }
	@tail -c 400 _build/mutation.log | tr '\r' '\n' | tail -n 2
	$(BIN)/python tools/mutation_report.py --threshold $(MUTATION_THRESHOLD)

lock:
	rm -rf _build/lockenv
	$(PYTHON) -m venv _build/lockenv
	_build/lockenv/bin/python -m pip install --quiet --disable-pip-version-check ".[book,test]"
	{ echo "# Exact versions of every package (transitive included) for Python 3.11; regenerate with 'make lock'."; \
	  _build/lockenv/bin/python -m pip freeze --all --exclude-editable | grep -v '^tlslib\|^pip=='; } > requirements.lock
	$(PYTHON) tools/make_environment.py
	rm -rf _build/lockenv

apt-packages:
	@echo $(APT_PACKAGES)

clean:
	rm -rf _build
