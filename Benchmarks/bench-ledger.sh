# make bench, the star ledger's rows: sourced at the end of bench.sh, whose DATA, OUT, BIN,
# CSV_N, RUNS, BIG_RUNS, time_cmd, ratio and big run ($OUT/r1, $run_t) it uses.
#  - `ledger record` of the big run's reports folder, against the time of that run (goal: within it);
#  - `run --ledger` against `run --previous` on the same last-year stars (a ledger holding them
#    imported from the big run's results.csv, and that file itself).
LEDGER_PREVIOUS="$OUT/ledger-previous"
mkdir -p "$LEDGER_PREVIOUS"
cp "$OUT/r1/results.csv" "$LEDGER_PREVIOUS/results.csv"
read -r rec_t rec_m < <(time_cmd "$BIG_RUNS" "$BIN" ledger record --ledger "$OUT/ledger{n}.sqlite" --reports "$OUT/r1")
"$BIN" ledger import --ledger "$OUT/last.sqlite" --results "$LEDGER_PREVIOUS/results.csv" --year 2025 >/dev/null
read -r prev_t _ < <(time_cmd "$BIG_RUNS" "$BIN" run --input "$DATA/csv" --output "$OUT/lp{n}" --year 2026 --previous "$LEDGER_PREVIOUS/results.csv")
rm -rf "$OUT"/lp*
read -r led_t _ < <(time_cmd "$BIG_RUNS" "$BIN" run --input "$DATA/csv" --output "$OUT/ll{n}" --year 2026 --ledger "$OUT/last.sqlite")
rm -rf "$OUT"/ll* "$OUT"/r1
printf '| %s-branch year: ledger record vs the run that wrote it | %ss | %ss | %s | ≤ 1.0 |\n' "$CSV_N" "$rec_t" "$run_t" "$(ratio "$rec_t" "$run_t")"
printf '| peak memory of the %s-branch ledger record | %s MiB | | | |\n' "$CSV_N" "$((rec_m / 1024))"
printf '| %s branches: run --ledger vs run --previous | %ss | %ss | %s | ≤ 1.1 |\n' "$CSV_N" "$led_t" "$prev_t" "$(ratio "$led_t" "$prev_t")"
