"""Workbooks for the Excel tests, made and read with openpyxl (the oracle).

    xlsx_tool.py random SEED OUT.xlsx        a workbook of random cells (see `random_workbook`)
    xlsx_tool.py dump IN.xlsx [SHEET]        every non-empty cell as JSON [[row, col, kind, value]]
                                             (kind n = number as repr text, s = text, b = boolean; dates as serials)
    xlsx_tool.py fill TEMPLATE.xlsx SHEET.csv OUT.xlsx
                                             fills a star-report template with a CSV sheet's figures,
                                             typed as a person would type them into Excel
    xlsx_tool.py from-csv SHEET.csv OUT.xlsx [shuffle]
                                             a CSV sheet as .xlsx (columns shuffled with `shuffle`)
"""
import csv
import datetime
import io
import json
import os
import random
import re
import sys
import zipfile

import openpyxl
from openpyxl.utils.datetime import to_excel

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Scripts"))
import xlsx_sheet  # noqa: E402


def rewrite(path, fn):
    """Rewrites each part of the workbook at `path` with fn(name, bytes) -> bytes."""
    src = zipfile.ZipFile(path)
    parts = [(i.filename, fn(i.filename, src.read(i.filename))) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts:
            dst.writestr(name, data)


def random_workbook(seed, out):
    """Random numbers (integers, one-decimal values with binary noise, arbitrary floats), text
    (Chinese, repeated, with spaces), booleans, dates, empty cells and styled empty trailing
    rows; then, by hand in the sheet XML, some text cells turned into inline strings and some
    numbers into formulas with their cached value."""
    rnd = random.Random(seed)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = rnd.choice(["Sheet1", "数据", "Data"])
    words = ["市财政局", "机关第一党支部", "WJW-01", " 带空格 ", "a,b", "引号\"", "x&y<z>", "9.50", "是", "否", "TRUE"]
    rows = rnd.randint(5, 40)
    cols = rnd.randint(3, 30)
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            k = rnd.random()
            if k < 0.15:
                continue
            elif k < 0.3:
                v = rnd.randint(-5, 100000)
            elif k < 0.5:
                v = rnd.randint(0, 100) / 10 * 3 / 3 + rnd.choice([0, 1e-15, -1e-15])
            elif k < 0.6:
                v = rnd.uniform(-1e6, 1e6)
            elif k < 0.8:
                v = rnd.choice(words) + (str(rnd.randint(0, 3)) if rnd.random() < 0.5 else "")
            elif k < 0.9:
                v = rnd.random() < 0.5
            else:
                v = datetime.date(rnd.randint(1990, 2030), rnd.randint(1, 12), rnd.randint(1, 28))
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    for r in range(rows + 1, rows + 1 + rnd.randint(0, 4)):  # blank rows at the end, styled
        ws.cell(row=r, column=1).number_format = "0.0"
    wb.save(out)

    src = zipfile.ZipFile(out)
    parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    names = [i.filename for i in src.infolist()]
    src.close()
    shared = []

    def cell(m):
        attrs, body = m.group(1), m.group(2)
        inline = re.fullmatch(r'<is><t[^>]*>(.*?)</t></is>', body, re.S)
        if 't="inlineStr"' in attrs and inline and rnd.random() < 0.6:
            text = inline.group(1)
            if text in shared and rnd.random() < 0.7:
                idx = shared.index(text)
            else:
                shared.append(text)
                idx = len(shared) - 1
            return "<c%s><v>%d</v></c>" % (attrs.replace('t="inlineStr"', 't="s"'), idx)
        if 't="n"' in attrs and body.startswith("<v>") and rnd.random() < 0.3:
            return "<c%s><f>1+1</f>%s</c>" % (attrs, body)
        return m.group(0)
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(r"<c( [^>]*?)(?<!/)>(.*?)</c>", cell, parts[sheet].decode(), flags=re.S).encode()

    def si(text):
        if "&" not in text and len(text) >= 2 and rnd.random() < 0.5:   # rich text runs and a phonetic guide
            h = len(text) // 2
            return ('<si><r><t xml:space="preserve">%s</t></r><r><rPr><b/></rPr><t xml:space="preserve">%s</t></r>'
                    '<rPh sb="0" eb="1"><t>ピン</t></rPh></si>' % (text[:h], text[h:]))
        return '<si><t xml:space="preserve">%s</t></si>' % text
    parts["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                     '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
                                     % (len(shared), len(shared), "".join(si(t) for t in shared))).encode()
    names.append("xl/sharedStrings.xml")
    ct = parts["[Content_Types].xml"].decode()
    if "sharedStrings" not in ct:
        ct = ct.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    if "sharedStrings" not in rels:
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in dict.fromkeys(names):
            dst.writestr(name, parts[name])


def dump(path, sheet=0):
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb.worksheets[sheet]
    out = []
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if v is None:
                continue
            if isinstance(v, bool):
                out.append([c.row, c.column, "b", v])
            elif isinstance(v, (int, float)):   # as text: a JSON reader may round a float
                out.append([c.row, c.column, "n", repr(float(v))])
            elif isinstance(v, (datetime.date, datetime.datetime)):
                out.append([c.row, c.column, "n", repr(float(to_excel(v)))])
            else:
                out.append([c.row, c.column, "s", str(v)])
    return out


def fill(template, sheet_csv, out):
    wb = openpyxl.load_workbook(template)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    with open(sheet_csv, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    names = lines[0]
    by_id = {}
    for r in lines[1:]:
        row = dict(zip(names, r))
        by_id[row.get("支部编号") or row.get("branch_id")] = row
    for r in range(2, ws.max_row + 1):
        bid = ws.cell(row=r, column=2).value
        row = by_id[bid]
        for c, h in enumerate(header, start=1):
            if ws.cell(row=r, column=c).protection.locked:
                continue
            text = row.get(h, "")
            ws.cell(row=r, column=c, value=xlsx_sheet.typed(h, text))
            if isinstance(ws.cell(row=r, column=c).value, datetime.date):
                ws.cell(row=r, column=c).number_format = "yyyy-mm-dd"
    wb.save(out)


def from_csv(sheet_csv, out, shuffle=False):
    with open(sheet_csv, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    order = list(range(len(lines[0])))
    if shuffle:
        random.Random(7).shuffle(order)
    xlsx_sheet.write_sheet(out, [lines[0][i] for i in order], [[r[i] for i in order] for r in lines[1:]])


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "random":
        random_workbook(int(sys.argv[2]), sys.argv[3])
    elif cmd == "dump":
        print(json.dumps(dump(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0), ensure_ascii=False))
    elif cmd == "fill":
        fill(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "from-csv":
        from_csv(sys.argv[2], sys.argv[3], len(sys.argv) > 4 and sys.argv[4] == "shuffle")
    else:
        sys.exit("unknown command " + cmd)
