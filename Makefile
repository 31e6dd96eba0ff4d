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

release: deps ## Release build
	$(SWIFT) build -c release

reports: release ## Build, run SampleData 2025, keep its cycle in reports/ledger.sqlite, then run 2026 with --ledger
	@$(RELEASE_BIN) run --input SampleData/2025 --output $(REPORTS)/2025 >/dev/null
	@rm -f $(LEDGER) $(LEDGER)-wal $(LEDGER)-shm
	@$(RELEASE_BIN) ledger record --ledger $(LEDGER) --reports $(REPORTS)/2025 --by 市直工委 >/dev/null
	@Scripts/ledger-sample.sh $(RELEASE_BIN) $(LEDGER) SampleData/ledger-2025.txt >/dev/null
	@$(RELEASE_BIN) run --input SampleData/2026 --output $(REPORTS)/2026 --ledger $(LEDGER) > $(REPORTS)/.paths-2026
	@echo; echo "Reports written:"; echo "  $(REPORTS)/2025/ (last year)"; echo "  $(LEDGER) (2025 approved, with an objection, reviews and an adjustment; used for 晋星/减星)"
	@sed 's/^/  /' $(REPORTS)/.paths-2026; rm -f $(REPORTS)/.paths-2026
	@echo; echo "Open $(REPORTS)/2026/notice.html in a browser, or run 'make notice-pdf' for a PDF to post."

lint: ## Check the Swift sources' formatting with swift-format (configuration: .swift-format)
	swift-format lint --configuration .swift-format --strict -r Sources Tests Scripts Package.swift

format: ## Format the Swift sources in place with swift-format
	swift-format format --configuration .swift-format -i -r Sources Tests Scripts Package.swift

test: deps send-test-deps py-deps lint ## Run the whole test suite (lint, unit, property, golden-file, end-to-end, Excel and SMTP tests)
	@if [ -n "$$CI" ]; then $(MAKE) --no-print-directory pdf-deps; \
	else $(MAKE) --no-print-directory pdf-deps || echo "WARNING: could not install chromium; the notice PDF test will be SKIPPED (in CI it fails)"; fi
	$(SWIFT) build --build-tests
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

notice-pdf: reports pdf-deps ## Print reports/2026/notice.html to reports/2026/notice.pdf with headless Chromium
	@chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	  --print-to-pdf=$(REPORTS)/2026/notice.pdf $(REPORTS)/2026/notice.html 2>/dev/null
	@echo "$(REPORTS)/2026/notice.pdf ($$(pdfinfo $(REPORTS)/2026/notice.pdf | awk '/^Pages/ {print $$2}') pages)"

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
