#!/usr/bin/env bash
# Applies SampleData's ledger commands (one per line, `#` comments) to a ledger:
#   Scripts/ledger-sample.sh STAR_REPORT LEDGER COMMANDS_FILE
# Used by `make reports`; each line is split as the shell would split it.
set -euo pipefail
bin=$1 ledger=$2 file=$3
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|'#'*) continue ;; esac
  eval "args=($line)"
  "$bin" ledger "${args[@]}" --ledger "$ledger"
done < "$file"
