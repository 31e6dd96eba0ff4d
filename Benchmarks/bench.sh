#!/usr/bin/env bash
# make bench: star-report side by side with tools a user already has, on the same generated data.
# Ratios, not absolute times, are the result. Sizes and run counts can be lowered for a quick look:
#   BENCH_CSV=100000 BENCH_XML=2000 BENCH_RUNS=3 make bench      (BENCH_XLSX=0 skips the .xlsx row)
set -euo pipefail
cd "$(dirname "$0")/.."
CSV_N=${BENCH_CSV:-1000000}
XML_N=${BENCH_XML:-20000}
RUNS=${BENCH_RUNS:-3}
BIG_RUNS=${BENCH_BIG_RUNS:-1}
BIN=.build/release/star-report
XSD=Sources/StarIngest/Resources/submission.xsd
DATA=.build-bench/data-$CSV_N-$XML_N
mkdir -p .build-bench
OUT=$(mktemp -d .build-bench/out.XXXX)
trap 'rm -rf "$OUT"' EXIT

if [ ! -f "$DATA/csv/sheet.csv" ] || [ "$(ls "$DATA/xml" | wc -l)" != "$XML_N" ]; then
  echo "generating $CSV_N CSV branches and $XML_N XML files (seed 1) into $DATA …" >&2
  rm -rf "$DATA"
  python3 Benchmarks/generate.py --seed 1 --csv-branches "$CSV_N" --xml-files "$XML_N" --out "$DATA"
fi

# The same sheet as one .xlsx workbook (openpyxl write-only mode; slow to make, so kept).
XLSX_DIR="$DATA/xlsx"
if [ "${BENCH_XLSX:-1}" != 0 ] && [ ! -f "$XLSX_DIR/sheet.xlsx" ]; then
  echo "writing the $CSV_N-row sheet as $XLSX_DIR/sheet.xlsx with openpyxl (minutes for a million rows) …" >&2
  python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install -q openpyxl
  mkdir -p "$XLSX_DIR"
  python3 Benchmarks/csv-to-xlsx.py write "$DATA/csv/sheet.csv" "$XLSX_DIR/sheet.xlsx.part" && mv "$XLSX_DIR/sheet.xlsx.part" "$XLSX_DIR/sheet.xlsx"
fi

# time_cmd RUNS CMD…: prints "median_seconds peak_kib" over RUNS runs (GNU time). `{n}` in an
# argument becomes the run's number: each run writes a new folder, because ext4 is slow to hand
# out inodes freed seconds before (replacing the previous run's 800 files cost the next run
# ~0.2 s in the kernel), which would measure the file system's allocator rather than the tool.
time_cmd() {
  local runs=$1; shift
  local times=() mem=0
  for n in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$OUT/time" "${@//\{n\}/$n}" >/dev/null 2>"$OUT/stderr" || { echo "failed: $*" >&2; tail -5 "$OUT/stderr" >&2; exit 1; }
    read -r t m < <(tail -1 "$OUT/time")
    times+=("$t"); [ "$m" -gt "$mem" ] && mem=$m
  done
  printf '%s\n' "${times[@]}" | sort -g | awk -v m="$mem" '{a[NR]=$1} END {printf "%s %s\n", a[int((NR+1)/2)], m}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

read -r run_t run_m < <(time_cmd "$BIG_RUNS" "$BIN" run --input "$DATA/csv" --output "$OUT/r{n}" --year 2026)
# The I/O floor of that run: reading its input and writing as many bytes as it wrote, flushed to
# disk (dd conv=fsync, one file; star-report writes ~40,000 and syncs them with one syncfs).
out_bytes=$(du -sb "$OUT/r1" | cut -f1)
# r1 stays for the ledger's rows at the end (`ledger record` reads the whole folder)
find "$OUT" -maxdepth 1 -name 'r*' ! -name r1 -exec rm -rf {} +
read -r floor_t _ < <(time_cmd "$RUNS" sh -c "cat '$DATA'/csv/* > /dev/null && dd if=/dev/zero of='$OUT/floor' bs=1M count=$((out_bytes >> 20)) conv=fsync status=none && rm -f '$OUT/floor'")
read -r py_t _ < <(time_cmd "$RUNS" python3 -c "import csv,sys
for r in csv.reader(open(sys.argv[1], newline='', encoding='utf-8')): pass" "$DATA/csv/sheet.csv")
# The 1,000,000-row run writes gigabytes and pushes the XML files out of the page cache; read
# them once so that star-report and xmllint both start warm (cold, both take about twice as long).
find "$DATA/xml" -name '*.xml' -print0 | xargs -0 cat > /dev/null
read -r val_t _ < <(time_cmd "$RUNS" "$BIN" validate --input "$DATA/xml" --year 2026)
read -r xrun_t _ < <(time_cmd "$RUNS" "$BIN" run --input "$DATA/xml" --output "$OUT/x{n}" --year 2026)
read -r lint_t _ < <(time_cmd "$RUNS" sh -c "find '$DATA/xml' -name '*.xml' -print0 | xargs -0 xmllint --noout --schema $XSD")
read -r sample_t _ < <(time_cmd "$RUNS" "$BIN" run --input SampleData/2026 --output "$OUT/s{n}")
if [ "${BENCH_XLSX:-1}" != 0 ]; then
  read -r xv_t xv_m < <(time_cmd "$BIG_RUNS" "$BIN" validate --input "$XLSX_DIR" --year 2026)
  read -r opx_t _ < <(time_cmd "$BIG_RUNS" python3 Benchmarks/csv-to-xlsx.py read "$XLSX_DIR/sheet.xlsx")
fi

printf '\n| benchmark (%s) | star-report | peer | ratio | goal |\n|---|---|---|---|---|\n' "$(nproc) cores, medians of $RUNS runs; the ${CSV_N}-row run: $BIG_RUNS"
printf '| %s CSV branches: run (all reports) vs python3 csv read | %ss | %ss | %s | ≤ 5.0 |\n' "$CSV_N" "$run_t" "$py_t" "$(ratio "$run_t" "$py_t")"
printf '| %s CSV branches: run vs I/O floor (read the input, write its %s MiB with fsync) | %ss | %ss | %s | ≤ 4.0 |\n' "$CSV_N" "$((out_bytes >> 20))" "$run_t" "$floor_t" "$(ratio "$run_t" "$floor_t")"
printf '| %s XML files: validate vs xmllint --schema | %ss | %ss | %s | ≤ 1.2 |\n' "$XML_N" "$val_t" "$lint_t" "$(ratio "$val_t" "$lint_t")"
printf '| %s XML files: run vs xmllint --schema | %ss | %ss | %s | ≤ 1.2 |\n' "$XML_N" "$xrun_t" "$lint_t" "$(ratio "$xrun_t" "$lint_t")"
printf '| peak memory of the %s-row run | %s MiB | | | ≤ 900 MiB |\n' "$CSV_N" "$((run_m / 1024))"
printf '| SampleData/2026 run | %ss | | | < 0.5 s |\n' "$sample_t"
if [ "${BENCH_XLSX:-1}" != 0 ]; then
  printf '| %s branches in one .xlsx: validate vs openpyxl read-only read | %ss | %ss | %s | < 1.0 |\n' "$CSV_N" "$xv_t" "$opx_t" "$(ratio "$xv_t" "$opx_t")"
  printf '| peak memory of the %s-row .xlsx validate | %s MiB | | | ≤ 1024 MiB |\n' "$CSV_N" "$((xv_m / 1024))"
fi

# the star ledger's rows (record, run --ledger vs --previous)
source Benchmarks/bench-ledger.sh
