"""make bench: a generated CSV sheet as one .xlsx workbook with typed cells (openpyxl write-only
mode, which streams rows), and the peer side of the benchmark: reading it with openpyxl in
read-only mode.
    python3 Benchmarks/csv-to-xlsx.py write SHEET.csv OUT.xlsx
    python3 Benchmarks/csv-to-xlsx.py read IN.xlsx
"""
import csv
import datetime
import os
import sys

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Scripts"))
import xlsx_sheet  # noqa: E402

if sys.argv[1] == "write":
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    with open(sys.argv[2], encoding="utf-8-sig", newline="") as fh:
        rows = csv.reader(fh)
        header = next(rows)
        ws.append(header)
        for r in rows:
            ws.append([xlsx_sheet.typed(h, t) for h, t in zip(header, r)])
    wb.save(sys.argv[3])
else:
    wb = openpyxl.load_workbook(sys.argv[2], read_only=True, data_only=True)
    n = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        n += 1
    print(n)
