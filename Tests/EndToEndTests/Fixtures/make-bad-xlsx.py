"""Writes the bad-workbook cases of the bad-input corpus (Fixtures/bad/xlsx-*/s.xlsx), each a
small sheet made from bad/csv-two-decimals/s.csv (with 9.75 fixed to 9.7) and then broken one
way. Run from the repository root: python3 Tests/EndToEndTests/Fixtures/make-bad-xlsx.py
The expected diagnostics are in Fixtures/bad-expected/xlsx-*.txt (checked by hand)."""
import csv
import io
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "Scripts"))
import xlsx_sheet  # noqa: E402

with open(os.path.join(HERE, "bad", "csv-two-decimals", "s.csv"), encoding="utf-8-sig", newline="") as fh:
    LINES = list(csv.reader(fh))
HEADER, ROW = LINES[0], [c if c != "9.75" else "9.7" for c in LINES[1]]


def good(header=HEADER, row=ROW):
    buf = os.path.join(HERE, ".tmp.xlsx")
    xlsx_sheet.write_sheet(buf, header, [row])
    with open(buf, "rb") as fh:
        data = fh.read()
    os.remove(buf)
    return data


def parts(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def zipped(items, method=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return out.getvalue()


def replace(data, part, fn):
    return zipped([(n, fn(d) if n == part else d) for n, d in parts(data)])


def write(case, data, name="s.xlsx"):
    d = os.path.join(HERE, "bad", case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as fh:
        fh.write(data)


SHEET = "xl/worksheets/sheet1.xml"
base = good()

# a ZIP cut short (as a download that stopped half way)
write("xlsx-broken-zip", base[: len(base) // 2])
# not a ZIP at all: a text file named .xlsx
write("xlsx-not-a-zip", "年度,支部编号\r\n2026,WJW-01\r\n".encode("utf-8"))
# an encrypted workbook: Excel stores it as an OLE compound file
write("xlsx-encrypted", bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(1024))
# a ZIP bomb: a sheet part of 64 MiB that deflates to a few KB
write("xlsx-bomb", replace(base, SHEET, lambda d: d + b" " * (64 << 20)))
# a DOCTYPE with an entity in the sheet (entity expansion)
write("xlsx-doctype", replace(base, SHEET, lambda d: d.replace(
    b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<worksheet', 1)))
# an external entity in the workbook part (XXE)
write("xlsx-xxe", replace(base, "xl/workbook.xml", lambda d: d.replace(
    b"<workbook", b'<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<workbook', 1)))
# a part whose name climbs out of the folder it is unpacked into
write("xlsx-path", zipped(parts(base) + [("../../evil.sh", b"echo owned\n")]))
# the 1904 date system (old Excel for Mac)
write("xlsx-1904", replace(base, "xl/workbook.xml", lambda d: d.replace(b"<workbookPr", b'<workbookPr date1904="1"', 1)
                           if b"<workbookPr" in d else d.replace(b"<sheets>", b'<workbookPr date1904="1"/><sheets>', 1)))
# a score stored as a number with two decimals, and one with binary noise that is fine
write("xlsx-two-decimals", good(row=[c if i != 9 else "9.75" for i, c in enumerate(ROW)][:10] + ["8.299999999999999"] + ROW[11:]))
# the header lacks a required column
write("xlsx-missing-column", good(header=[h for h in HEADER if h != "满意率"], row=[c for h, c in zip(HEADER, ROW) if h != "满意率"]))
# a typo in a header (满意律 for 满意率): one error that names the column it should be
write("xlsx-misspelled-header", good(header=[h if h != "满意率" else "满意律" for h in HEADER]))
# a sheet with nothing in it
import openpyxl  # noqa: E402
_tmp = os.path.join(HERE, ".tmp-empty.xlsx")
xlsx_sheet.save(openpyxl.Workbook(), _tmp)
with open(_tmp, "rb") as _fh:
    write("xlsx-empty-sheet", _fh.read())
os.remove(_tmp)
# a byte of the sheet's compressed data damaged (the CRC or the inflater catches it)
_z = zipfile.ZipFile(io.BytesIO(base))
_info = _z.getinfo(SHEET)
_at = _info.header_offset + 30 + len(_info.filename.encode()) + len(_info.extra) + _info.compress_size // 2
_damaged = bytearray(base)
_damaged[_at] ^= 0x55
write("xlsx-corrupt-data", bytes(_damaged))
# a ZIP bomb that lies: its headers claim the sheet inflates to 1,000 bytes (the limit is
# enforced on the bytes actually inflated, not on what the headers say)
_bomb = bytearray(zipped([(n, d + b" " * (64 << 20) if n == SHEET else d) for n, d in parts(base)]))
_z = zipfile.ZipFile(io.BytesIO(bytes(_bomb)))
_info = _z.getinfo(SHEET)
_bomb[_info.header_offset + 22:_info.header_offset + 26] = (1000).to_bytes(4, "little")   # local header
_p = 0
while True:   # the central directory record of the sheet
    _p = bytes(_bomb).index(b"PK\x01\x02", _p + 1)
    _n = int.from_bytes(_bomb[_p + 28:_p + 30], "little")
    if bytes(_bomb[_p + 46:_p + 46 + _n]) == SHEET.encode():
        _bomb[_p + 24:_p + 28] = (1000).to_bytes(4, "little")
        break
write("xlsx-bomb-lying-size", bytes(_bomb))
print("written")

# --- sheets as people fill them (and as hostile writers make them) ---
import re  # noqa: E402


def cell(data, ref, new):
    """The sheet with cell `ref` replaced by the XML `new`."""
    return re.sub(rb'<c r="' + ref.encode() + rb'"[^>]*?(/>|>.*?</c>)', new.encode(), data, count=1, flags=re.S)


def column(name):
    return xlsx_sheet_column(HEADER.index(name) + 1)


def xlsx_sheet_column(n):
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


# a score as a formula saved without its value (a script or a converter wrote it)
write("xlsx-formula-no-value", replace(base, SHEET, lambda d: cell(d, "H2", '<c r="H2"><f>ROUND(AVERAGE(I2:J2),1)</f></c>')))
# a number Excel never writes: hexadecimal floating point
write("xlsx-hex-number", replace(base, SHEET, lambda d: cell(d, "H2", '<c r="H2"><v>0x1.3p3</v></c>')))
# a date cell (t="d") with text after the date
_due = column("换届到期日")
write("xlsx-bad-iso-date", replace(base, SHEET, lambda d: d.replace(
    b"</row></sheetData>", f'<c r="{_due}2" t="d"><v>2026-06-30 or so</v></c></row></sheetData>'.encode())))
# two cells with one reference
write("xlsx-duplicate-cell", replace(base, SHEET, lambda d: cell(d, "H2", '<c r="H2"><v>9</v></c><c r="H2"><v>5</v></c>')))
# 满意率 typed as a fraction, without a percent format
_sat = HEADER.index("满意率")
write("xlsx-fraction", good(row=[c if i != _sat else "0.9" for i, c in enumerate(ROW)]))
# no header in the first rows: a title, then a header typed in English with most names wrong
_tmp = os.path.join(HERE, ".tmp-noheader.xlsx")
_wb = openpyxl.Workbook()
_wb.active.append(["2026年度星级评定填报表"])
_wb.active.append(["id", "name", "年度", "支部编号", "score 1", "score 2"])
_wb.active.append([1, "第一党支部", 2026, "WJW-01", 9.5, 9.0])
xlsx_sheet.save(_wb, _tmp)
with open(_tmp, "rb") as _fh:
    write("xlsx-no-header", _fh.read())
os.remove(_tmp)
# an old .xls workbook (BIFF8 in an OLE compound file) beside the sheets
write("xlsx-old-xls", bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(1024), name="s.xls")
# a branch's row with its identity only (the template prefills it) and nothing filled in
_keep = {"年度", "支部编号", "支部名称", "上级党组织编号", "上级党组织名称", "类别"}
write("xlsx-unfilled-row", good(row=[c if h in _keep else "" for h, c in zip(HEADER, ROW)]))
# 上级党组织名称 merged down over two branches of different committees
_tmp = os.path.join(HERE, ".tmp-merge.xlsx")
_other = [c if h != "上级党组织编号" else "GAJ" for h, c in zip(HEADER, ROW)]
_other[HEADER.index("支部编号")] = "GAJ-01"
xlsx_sheet.write_sheet(_tmp, HEADER, [ROW, _other])
_wb = openpyxl.load_workbook(_tmp)
_c = HEADER.index("上级党组织名称") + 1
_wb.active.cell(row=3, column=_c).value = None
_wb.active.merge_cells(start_row=2, start_column=_c, end_row=3, end_column=_c)
xlsx_sheet.save(_wb, _tmp)
with open(_tmp, "rb") as _fh:
    write("xlsx-merge-across", _fh.read())
os.remove(_tmp)
# more shared strings than a sheet this small could use (each costs a few bytes, unread)
_sst = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + b"<si/>" * 200_000 + b"</sst>"
_items = [(n, d.replace(b"</Relationships>", b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
           if n == "xl/_rels/workbook.xml.rels" else d) for n, d in parts(base) if n != "xl/sharedStrings.xml"]
write("xlsx-too-many-strings", zipped(_items + [("xl/sharedStrings.xml", _sst)]))
print("written more")
