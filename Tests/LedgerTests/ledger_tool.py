"""Oracles of the ledger tests, with Python's own sqlite3 and openpyxl.

  ledger_tool.py check LEDGER        -> JSON: integrity_check, entries, years, log rows
  ledger_tool.py lock LEDGER SECONDS -> holds the write lock (BEGIN IMMEDIATE) for SECONDS;
                                        prints "locked" once it has it
  ledger_tool.py newer LEDGER        -> marks the file as migrated by a newer schema
  ledger_tool.py xlsx FILE           -> JSON: {sheet: [[cell values]]}
"""
import json
import sqlite3
import sys
import time


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == "check":
        db = sqlite3.connect(path)
        out = {"integrity": db.execute("PRAGMA integrity_check").fetchone()[0]}
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for t in ["entry", "year", "log"]:
            out[t] = db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if t in tables else 0
        out["commands"] = [r[0] for r in db.execute("SELECT command FROM log ORDER BY id")] if "log" in tables else []
        print(json.dumps(out))
    elif cmd == "lock":
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        print("locked", flush=True)
        time.sleep(float(sys.argv[3]))
        db.execute("ROLLBACK")
    elif cmd == "newer":
        db = sqlite3.connect(path)
        db.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v999-from-the-future')")
        db.commit()
    elif cmd == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path)
        print(json.dumps({ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb}, ensure_ascii=False))


main()
