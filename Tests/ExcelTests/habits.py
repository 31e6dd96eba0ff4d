"""Writes a committee's sheet the way office staff fill it in Excel (openpyxl), one habit at a
time, from a CSV sheet of the same figures:

    python3 habits.py HABIT SHEET.csv OUT.xlsx

percent      满意率 typed as 97.5% (stored 0.975 with a percent number format, as Excel does)
office       a cover sheet first, two title rows above the header (the title merged across),
             上级党组织编号/名称 merged down the rows, a 合计 row of =SUM formulas (no cached
             values) and a note row at the end,
             a blank row between
typed        text as people type it: full-width digits, 9.5分, 97.5%, 2025/6/30, 2025年6月30日, √/×
fraction     满意率 typed as 0.975 without a percent format (could be 0.975 % or 97.5 %)
formula      every branch's 自评1 a formula openpyxl writes without a cached value
unfilled     the second branch's row holds only its identity (as the template prefills it)
across       the second branch's 上级党组织编号 changed, 上级党组织名称 merged over both rows
shuffled     every row's cells written in reverse order in the XML (another writer)
duplicate    the first data row's first cell written twice with different values

    python3 habits.py big SHEET.csv N OUT.csv   N branches from the sheet's first row, figures varied
"""
import csv
import datetime
import io
import os
import random
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "Scripts"))
import openpyxl  # noqa: E402
import xlsx_sheet  # noqa: E402

SAT = ("满意率", "satisfaction")
COMMITTEE = ("上级党组织编号", "committee_id")
COMMITTEE_NAME = ("上级党组织名称", "committee_name")


def read(sheet_csv):
    with open(sheet_csv, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    return lines[0], lines[1:]


def col(header, names):
    return next(i for i, h in enumerate(header) if h in names)


def sheet(header, rows, ws, start=1):
    for c, h in enumerate(header, start=1):
        ws.cell(row=start, column=c, value=h)
    for r, row in enumerate(rows, start=start + 1):
        for c, (h, t) in enumerate(zip(header, row), start=1):
            v = xlsx_sheet.typed(h, t)
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, str) and v.startswith("="):
                cell.data_type = "s"
            if isinstance(v, datetime.date):
                cell.number_format = "yyyy-mm-dd"


def percent(header, rows, out):
    wb = openpyxl.Workbook()
    ws = wb.active
    sheet(header, rows, ws)
    s = col(header, SAT) + 1
    for r in range(2, len(rows) + 2):
        cell = ws.cell(row=r, column=s)
        if cell.value is not None:
            v = float(cell.value)
            # as Excel stores 97.5% typed into a cell; whole percents under the built-in 0%
            cell.value = round(v / 100, 6)
            cell.number_format = "0%" if v == int(v) else "0.0%"
    xlsx_sheet.save(wb, out)


def office(header, rows, out):
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "封面"
    cover["A1"] = "2025年度基层党组织星级评定材料"
    cover["A3"] = "报送单位：市卫生健康委机关党委"
    cover["A4"] = "报送日期：2025年12月1日"
    ws = wb.create_sheet("填报表")
    ws["A1"] = "2025年度基层服务型党组织星级评定填报表"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws["A2"] = "填报单位（盖章）：市卫生健康委机关党委"
    sheet(header, rows, ws, start=3)
    first, last = 4, 3 + len(rows)
    for names in (COMMITTEE, COMMITTEE_NAME):
        c = col(header, names) + 1
        for r in range(first + 1, last + 1):
            ws.cell(row=r, column=c).value = None
        ws.merge_cells(start_row=first, start_column=c, end_row=last, end_column=c)
    total = last + 2  # a blank row, then the total
    ws.cell(row=total, column=col(header, ("支部名称", "branch_name")) + 1, value="合计")
    # the total's figures are formulas, saved without values (as openpyxl and many tools write them)
    for names in (("党员人数", "members"), ("自评1", "self_1")):
        c = col(header, names) + 1
        letter = openpyxl.utils.get_column_letter(c)
        ws.cell(row=total, column=c, value=f"=SUM({letter}{first}:{letter}{last})")
    ws.cell(row=total + 1, column=1, value="注：以上数据经机关党委审核，如有疑问请联系组织科。")
    ws.merge_cells(start_row=total + 1, start_column=1, end_row=total + 1, end_column=12)
    ws.cell(row=total + 2, column=1, value="填表人：王某某")
    ws.cell(row=total + 2, column=6, value="联系电话：0372-1234567")
    xlsx_sheet.save(wb, out)


FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


def typed(header, rows, out):
    wb = openpyxl.Workbook()
    ws = wb.active
    sheet(header, rows, ws)
    for r, row in enumerate(rows, start=2):
        for c, (h, t) in enumerate(zip(header, row), start=1):
            if t == "":
                continue
            cell = ws.cell(row=r, column=c)
            if h.startswith("自评") or h.startswith("self_"):
                cell.value = t.translate(FULL) if r % 2 == 0 else t + "分"
            elif h in SAT:
                cell.value = t + "%"
            elif h in xlsx_sheet.DATE_COLUMNS:
                d = datetime.date.fromisoformat(t)
                cell.value = f"{d.year}/{d.month}/{d.day}" if r % 2 == 0 else f"{d.year}年{d.month}月{d.day}日"
                cell.number_format = "General"
            elif h in xlsx_sheet.BOOL_COLUMNS:
                cell.value = {"true": "√", "false": "×", "是": "√", "否": "×"}[t]
    xlsx_sheet.save(wb, out)


def fraction(header, rows, out):
    wb = openpyxl.Workbook()
    ws = wb.active
    sheet(header, rows, ws)
    cell = ws.cell(row=2, column=col(header, SAT) + 1)
    cell.value = round(float(cell.value) / 100, 6)
    xlsx_sheet.save(wb, out)


def formula(header, rows, out):
    wb = openpyxl.Workbook()
    ws = wb.active
    sheet(header, rows, ws)
    # openpyxl writes a formula without its cached value, as a script or a converter would: each
    # branch's 自评1 rounded by a formula
    c = col(header, ("自评1", "self_1")) + 1
    for r in range(2, len(rows) + 2):
        cell = ws.cell(row=r, column=c)
        if cell.value is not None:
            cell.value = f"=ROUND({cell.value},1)"
    xlsx_sheet.save(wb, out)


def unfilled(header, rows, out):
    keep = {"年度", "year", "支部编号", "branch_id", "支部名称", "branch_name", "上级党组织编号", "committee_id",
            "上级党组织名称", "committee_name", "类别", "category"}
    rows = [list(r) for r in rows]
    rows[1] = [t if h in keep else "" for h, t in zip(header, rows[1])]
    wb = openpyxl.Workbook()
    sheet(header, rows, wb.active)
    xlsx_sheet.save(wb, out)


def across(header, rows, out):
    rows = [list(r) for r in rows]
    rows[1][col(header, COMMITTEE)] = "GAJ"
    wb = openpyxl.Workbook()
    ws = wb.active
    sheet(header, rows, ws)
    c = col(header, COMMITTEE_NAME) + 1
    ws.cell(row=3, column=c).value = None
    ws.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
    xlsx_sheet.save(wb, out)


def rewrite_sheet(out, fn):
    src = zipfile.ZipFile(out)
    items = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), fn(data) if name == "xl/worksheets/sheet1.xml" else data)
    with open(out, "wb") as fh:
        fh.write(buf.getvalue())


def shuffled(header, rows, out):
    wb = openpyxl.Workbook()
    sheet(header, rows, wb.active)
    xlsx_sheet.save(wb, out)

    def reverse_cells(xml):
        def row(m):
            cells = re.findall(rb"<c [^>]*/>|<c [^>]*>.*?</c>", m.group(2), re.S)
            return m.group(1) + b"".join(reversed(cells)) + m.group(3)
        return re.sub(rb"(<row [^>]*>)(.*?)(</row>)", row, xml, flags=re.S)
    rewrite_sheet(out, reverse_cells)


def duplicate(header, rows, out):
    wb = openpyxl.Workbook()
    sheet(header, rows, wb.active)
    xlsx_sheet.save(wb, out)

    def twice(xml):
        m = re.search(rb'<c r="A2"[^>]*>.*?</c>', xml, re.S)
        return xml[: m.end()] + b'<c r="A2"><v>2024</v></c>' + xml[m.end():]
    rewrite_sheet(out, twice)


def big(sheet_csv, n, out):
    header, rows = read(sheet_csv)
    rng = random.Random(2500)
    sid, sat = col(header, ("支部编号", "branch_id")), col(header, SAT)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for i in range(n):
            row = list(rows[i % len(rows)])
            row[sid] = f"B{i:05d}"
            row[sat] = f"{rng.randint(300, 1000) / 10:.1f}".replace(".0", "") if rng.random() < 0.3 else f"{rng.randint(300, 1000) / 10:.1f}"
            w.writerow(row)


if __name__ == "__main__":
    habit = sys.argv[1]
    if habit == "big":
        big(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        h, r = read(sys.argv[2])
        globals()[habit](h, r, sys.argv[3])
