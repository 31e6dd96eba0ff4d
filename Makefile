# star-report — `make help` lists the targets.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq
RELEASE_BIN := .build/release/star-report
REPORTS := reports
LEDGER := $(REPORTS)/ledger.sqlite

.PHONY: help deps send-test-deps py-deps sample-data build release reports test golden notice-pdf pdf-deps bench fuzz clean lint format

help: ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

deps: ## Install libxml2-dev, libxlsxwriter-dev, libcurl4-openssl-dev and libsqlite3-dev with apt-get when pkg-config cannot find them
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists libxml-2.0 || ! pkg-config --exists xlsxwriter; then \
	  echo "Installing libxml2-dev, libxlsxwriter-dev and pkg-config with apt-get…"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) libxml2-dev libxlsxwriter-dev pkg-config; \
	fi
	@if ! pkg-config --exists libcurl; then \
	  echo "Installing libcurl4-openssl-dev with apt-get…"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) libcurl4-openssl-dev; \
	fi
	@if ! pkg-config --exists sqlite3; then \
	  echo "Installing libsqlite3-dev (the star ledger, through GRDB) with apt-get…"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) libsqlite3-dev; \
	fi

# aiosmtpd for the SMTP tests (Tests/SendTests): pip, or Debian's package where pip may not install
send-test-deps:
	@python3 -c 'import aiosmtpd' 2>/dev/null || { echo "Installing aiosmtpd with pip…"; \
	  python3 -m pip install -q aiosmtpd || python3 -m pip install -q --break-system-packages aiosmtpd || \
	  { $(SUDO) apt-get update -qq && $(APT_INSTALL) python3-aiosmtpd; }; }
	@command -v openssl >/dev/null || { $(SUDO) apt-get update -qq && $(APT_INSTALL) openssl; }

py-deps: ## Install openpyxl (the Excel tests and the sample-data script use it) when python3 lacks it
	@python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install -q openpyxl 2>/dev/null \
	  || python3 -m pip install -q --break-system-packages openpyxl 2>/dev/null \
	  || { echo "Installing python3-openpyxl with apt-get…"; $(SUDO) apt-get update -qq && $(APT_INSTALL) python3-openpyxl; }

sample-data: py-deps ## Regenerate SampleData/ (the .xlsx sheet needs openpyxl; the result is committed)
	python3 Scripts/make-sample-data.py

build: deps ## Debug build
	$(SWIFT) build

# The Swift runtime and Foundation are linked in (--static-swift-stdlib): with the templates and the
# rules scheme compiled in, the binary needs only libxml2, libxlsxwriter and libcurl beside it.
release: deps ## Release build (self-contained: the Swift runtime linked in)
	$(SWIFT) build -c release --static-swift-stdlib

reports: release ## Build, run SampleData 2025, keep its cycle in reports/ledger.sqlite, run 2026 with --ledger, write the ledger page
	@mkdir -p $(REPORTS)
	@$(RELEASE_BIN) run --input SampleData/2025 --output $(REPORTS)/2025 > $(REPORTS)/.lines
	@rm -f $(LEDGER) $(LEDGER)-wal $(LEDGER)-shm
	@$(RELEASE_BIN) ledger record --ledger $(LEDGER) --reports $(REPORTS)/2025 --by 市直工委 >/dev/null
	@Scripts/ledger-sample.sh $(RELEASE_BIN) $(LEDGER) SampleData/ledger-2025.txt >/dev/null
	@echo "星级管理台账已写入 $(LEDGER)：2025 年度已批准，含异议、复审和年中调整（2026 年度的晋星/减星据此）" >> $(REPORTS)/.lines
	@$(RELEASE_BIN) run --input SampleData/2026 --output $(REPORTS)/2026 --ledger $(LEDGER) $(PDF_FLAG) >> $(REPORTS)/.lines
	@$(RELEASE_BIN) ledger report --ledger $(LEDGER) --output $(REPORTS)/ledger >> $(REPORTS)/.lines
	@echo; cat $(REPORTS)/.lines; rm -f $(REPORTS)/.lines
	@echo; if [ -n "$(PDF_FLAG)" ]; then echo "用浏览器打开 $(REPORTS)/2026/notice.html；要张贴的 PDF：$(REPORTS)/2026/notice.pdf"; \
	  else echo "用浏览器打开 $(REPORTS)/2026/notice.html；要张贴的 PDF 请运行 make notice-pdf"; fi

lint: ## Check the Swift sources' formatting with swift-format (configuration: .swift-format) and lines of at most 120 columns
	swift-format lint --configuration .swift-format --strict -r Sources Tests Scripts Plugins Package.swift
	@# swift-format cannot break a long string literal or comment, so it lets them pass: checked here
	@if LC_ALL=C.UTF-8 grep -rnP --include='*.swift' '^.{121,}' Sources Tests Scripts Plugins Package.swift; then \
	  echo "lint: the lines above are longer than 120 columns"; exit 1; fi

format: ## Format the Swift sources in place with swift-format
	swift-format format --configuration .swift-format -i -r Sources Tests Scripts Plugins Package.swift

test: deps send-test-deps py-deps lint ## Run the whole test suite (lint, unit, property, golden-file, end-to-end, Excel and SMTP tests)
	@if [ -n "$$CI" ]; then $(MAKE) --no-print-directory pdf-deps; \
	else $(MAKE) --no-print-directory pdf-deps || echo "WARNING: could not install chromium; the notice PDF test will be SKIPPED (in CI it fails)"; fi
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual  # for the make install test (Tests/EndToEndTests/InstallTests.swift)
	$(SWIFT) test --skip-build

golden: deps py-deps ## Re-record the golden files on purpose (then review the diff)
	$(SWIFT) build --build-tests
	STAR_REPORT_RECORD_GOLDEN=1 $(SWIFT) test --skip-build --filter Golden || true
	@git status --short Tests/

pdf-deps: ## Install chromium, fonts-noto-cjk and poppler-utils for the notice PDF (required when CI is set)
	@if ! command -v chromium >/dev/null || ! fc-list | grep -qi "Noto.*CJK" || ! command -v pdftotext >/dev/null; then \
	  echo "Installing chromium, fonts-noto-cjk and poppler-utils with apt-get…"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) chromium fonts-noto-cjk poppler-utils; \
	fi

# `make notice-pdf` is `make reports` with `run --pdf` for 2026 (PDF_FLAG reaches the reports
# recipe as a target-specific variable): notice.pdf is star-report's own file, in the manifest.
notice-pdf: PDF_FLAG := --pdf
notice-pdf: pdf-deps reports ## Run the reports with `run --pdf`: reports/2026/notice.pdf printed by headless Chromium
	@echo "$(REPORTS)/2026/notice.pdf ($$(pdfinfo $(REPORTS)/2026/notice.pdf | awk '/^Pages/ {print $$2}') pages)"

# Install: the binary (the templates and rules scheme are inside it), a man page made by
# swift-argument-parser's generate-manual (in English: it drops characters outside ASCII) and the
# bash, zsh and fish completions. PREFIX (default /usr/local) and DESTDIR as usual; BIN installs an
# already-built binary instead of building the release one (the tests install the debug build).
# `make uninstall` with the same PREFIX/DESTDIR removes exactly these files, then those of their
# folders that are left empty (never PREFIX itself).
PREFIX ?= /usr/local
BIN ?= $(RELEASE_BIN)
MANUAL_TOOL := .build/debug/generate-manual
MAN_DATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date +%F)
INSTALLED := bin/star-report share/man/man1/star-report.1 share/bash-completion/completions/star-report \
  share/zsh/site-functions/_star-report share/fish/vendor_completions.d/star-report.fish

.PHONY: install uninstall
$(MANUAL_TOOL):
	$(SWIFT) build --product generate-manual

install: $(if $(filter $(RELEASE_BIN),$(BIN)),release) $(MANUAL_TOOL) ## Install star-report, its man page and completions under PREFIX (default /usr/local; DESTDIR, BIN)
	@set -e; root='$(DESTDIR)$(PREFIX)'; gen=$$(mktemp -d); trap 'rm -rf "$$gen"' EXIT; \
	STAR_REPORT_LANG=en $(MANUAL_TOOL) '$(BIN)' --date $(MAN_DATE) --output-directory "$$gen" >/dev/null; \
	for shell in bash zsh fish; do '$(BIN)' --generate-completion-script $$shell > "$$gen/$$shell"; done; \
	install -D -m 755 '$(BIN)' "$$root/bin/star-report"; \
	install -D -m 644 "$$gen/star-report.1" "$$root/share/man/man1/star-report.1"; \
	install -D -m 644 "$$gen/bash" "$$root/share/bash-completion/completions/star-report"; \
	install -D -m 644 "$$gen/zsh" "$$root/share/zsh/site-functions/_star-report"; \
	install -D -m 644 "$$gen/fish" "$$root/share/fish/vendor_completions.d/star-report.fish"; \
	for f in $(INSTALLED); do echo "$$root/$$f"; done

uninstall: ## Remove what `make install` put under PREFIX (same PREFIX and DESTDIR)
	@root='$(DESTDIR)$(PREFIX)'; for f in $(INSTALLED); do \
	  if [ -e "$$root/$$f" ] || [ -L "$$root/$$f" ]; then rm -f "$$root/$$f" && echo "removed $$root/$$f"; fi; \
	  d=$$(dirname "$$f"); while [ "$$d" != . ]; do rmdir "$$root/$$d" 2>/dev/null || break; d=$$(dirname "$$d"); done; \
	done

bench: release py-deps ## Benchmark against python3 csv, xmllint and openpyxl on generated data (BENCH_CSV, BENCH_XML, BENCH_RUNS, BENCH_XLSX)
	@command -v xmllint >/dev/null || { $(SUDO) apt-get update -qq && $(APT_INSTALL) libxml2-utils; }
	@Benchmarks/bench.sh

FUZZ_SECONDS ?= 300
FUZZ_CORPUS := .build-fuzz/corpus
fuzz: deps ## Fuzz the CSV, XML and .xlsx ingest with libFuzzer for FUZZ_SECONDS (default 300; not part of CI)
	cd Scripts/Fuzz && $(SWIFT) build --sanitize=fuzzer --sanitize=address
	@mkdir -p $(FUZZ_CORPUS)
	@i=0; for f in SampleData/*/*.xml Tests/EndToEndTests/Fixtures/bad/*/*.xml; do \
	  { printf '\000'; cat "$$f"; } > $(FUZZ_CORPUS)/seed-xml-$$i; i=$$((i+1)); done; \
	for f in SampleData/*/*.csv Tests/EndToEndTests/Fixtures/bad/*/*.csv; do \
	  case "$$f" in */branches.csv) p='\002';; *) p='\001';; esac; \
	  { printf "$$p"; cat "$$f"; } > $(FUZZ_CORPUS)/seed-csv-$$i; i=$$((i+1)); done; \
	for f in SampleData/*/*.xlsx Tests/EndToEndTests/Fixtures/bad/*/*.xlsx; do \
	  { printf '\003'; cat "$$f"; } > $(FUZZ_CORPUS)/seed-xlsx-$$i; i=$$((i+1)); done
	Scripts/Fuzz/.build/debug/IngestFuzz -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 $(FUZZ_CORPUS)

clean: ## Remove build output and reports
	rm -rf .build $(REPORTS)
