"""Writes a committee sheet as an .xlsx workbook with openpyxl, the way Excel stores the cells:
numbers as numbers, dates as date serials with a date format, booleans as booleans, text as
text; byte-identical for the same rows (fixed document dates, ZIP entries dated 1980-01-01).

Used by make-sample-data.py and by the tests; also a command line:
    python3 Scripts/xlsx_sheet.py SHEET.csv OUT.xlsx     (a CSV sheet with typed cells)
"""
import csv
import datetime
import io
import re
import sys
import zipfile

import openpyxl

DATE_COLUMNS = {"election_due", "election_held", "换届到期日", "换届日期"}
BOOL_COLUMNS = {"election_delay_approved", "延期已批准"}
TEXT_COLUMNS = {"branch_id", "branch_name", "committee_id", "committee_name", "category", "commendation_level",
                "innovation_level", "支部编号", "支部名称", "上级党组织编号", "上级党组织名称", "类别", "表彰级别", "创新推广级别"}
FIXED = datetime.datetime(2026, 1, 1, 0, 0, 0)


def typed(header, text):
    """The value Excel would store for a cell typed as `text` in column `header`."""
    if text == "":
        return None
    if header in TEXT_COLUMNS:
        return text
    if header in DATE_COLUMNS:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return text
    if header in BOOL_COLUMNS:
        return {"true": True, "false": False, "是": True, "否": False}.get(text, text)
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def deterministic(data):
    """The same workbook with every ZIP entry dated 1980-01-01 (openpyxl stamps the time of saving)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            z = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            z.compress_type = zipfile.ZIP_DEFLATED
            z.external_attr = 0o600 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":   # openpyxl stamps "modified" with the time of saving
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", data)
            dst.writestr(z, data)
    return out.getvalue()


def save(wb, path):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "star-report sample data"
    buf = io.BytesIO()
    wb.save(buf)
    with open(path, "wb") as fh:
        fh.write(deterministic(buf.getvalue()))


def write_sheet(path, header, rows, title="Sheet1"):
    """header: column names; rows: lists of cell texts as in a CSV sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for r in rows:
        ws.append([typed(h, t) for h, t in zip(header, r)])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    save(wb, path)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    write_sheet(sys.argv[2], lines[0], lines[1:])
