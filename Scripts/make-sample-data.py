#!/usr/bin/env python3
"""Writes SampleData/2025 and SampleData/2026: 40 branches of a city's organs under five
committees, as XML files (two committees), a UTF-8 CSV sheet with Chinese headers and a GB18030
CSV sheet with English headers (as Excel saves them), a register and a config file.

The 2026 data is chosen so that every rule code of docs/rules.md fires at least once and both quotas
bind (with a tie at each cut). Run from the repository root: python3 Scripts/make-sample-data.py
"""
import os
import sys

COMMITTEES = [
    ("CZJ", "市财政局机关党委", "xml"),
    ("JYJ", "市教育局机关党委", "xml"),
    ("WJW", "市卫生健康委机关党委", "csv-cn"),
    ("GAJ", "市公安局机关党委", "csv-en"),
    ("ZJJ", "市住房和城乡建设局机关党委", "csv-en"),
]

# id, name, members, base target (tenths), deltas (self, mass, superior) in tenths, events (2026)
# events: sat (tenths), comm [levels], innov [levels], crit_w, crit_m, lead_minor, lead_major,
# member, election (due, held, approved), absences, excused, participants
B = []
def b(id, name, members, base, d=(15, -10, 0), **ev):
    B.append(dict(id=id, name=name, members=members, base=base, d=d, ev=ev))

b("CZJ-01", "市财政局机关第一党支部", 23, 940, comm=["city", "province"], sat=962)
b("CZJ-02", "市财政局预算科党支部", 15, 920, sat=951)
b("CZJ-03", "市财政局国库科党支部", 12, 855, innov=["city"], sat=930)
b("CZJ-04", "市财政局综合科党支部", 11, 832, crit_w=1, sat=902)
b("CZJ-05", "市财政局政府采购办党支部", 9, 910, election=("2025-11-30", "2026-03-15", False), sat=941)
b("CZJ-06", "市财政局财政监督局党支部", 14, 752, sat=884)
b("CZJ-07", "市财政局会计科党支部", 10, 781, member=1, sat=873)
b("CZJ-08", "市财政局退休干部党支部", 31, 820, d=(1, 1, 0), sat=915)   # 20·0.1+30·0.1 = 0.05 → half-up
b("JYJ-01", "市教育局机关第一党支部", 21, 930, innov=["city", "province"], sat=958)
b("JYJ-02", "市教育局基础教育科党支部", 13, 900, sat=940)              # exactly 90.0
b("JYJ-03", "市教育局职成教科党支部", 8, 880, absences=4, excused=1, sat=912)   # 3 unexcused: D7×3, C4
b("JYJ-04", "市教育局督导室党支部", 9, 720, sat=550)                   # D6
b("JYJ-05", "市教育局招生办党支部", 12, 861, election=("2025-03-31", None, False), sat=925)  # C2 + C3
b("JYJ-06", "市教育局教研室党支部", 16, 703, sat=866)
b("JYJ-07", "市教育局电教馆党支部", 7, 655, sat=842)
b("JYJ-08", "市教育局后勤服务中心党支部", 18, 800, sat=871)
b("WJW-01", "市卫生健康委机关第一党支部", 26, 955, comm=["national"], sat=975)   # clamp at 100
b("WJW-02", "市卫生健康委医政科党支部", 14, 920, sat=947)            # Q1 tie at 92.0 straddles the cut
b("WJW-03", "市卫生健康委疾控科党支部", 11, 840, crit_m=1, sat=905)
b("WJW-04", "市卫生健康委基层卫生科党支部", 10, 830, lead_minor=1, sat=898)
b("WJW-05", "市卫生健康委中医科党支部", 8, 740, lead_major=1, sat=880)
b("WJW-06", "市卫生健康委监督所党支部", 12, 680, sat=452)              # C1 + D6
b("WJW-07", "市卫生健康委妇幼科党支部", 9, 760, sat=876)
b("WJW-08", "市卫生健康委老干部党支部", 27, 615, sat=820)              # Q2 tie at 61.5
b("GAJ-01", "市公安局政治部党支部", 19, 920, sat=948)                  # Q1 tie at 92.0
b("GAJ-02", "市公安局指挥中心党支部", 22, 880, sat=930)
b("GAJ-03", "市公安局后勤保障处党支部", 13, 585, sat=803)              # one star by score
b("GAJ-04", "市公安局法制支队党支部", 10, 730, sat=889)
b("GAJ-05", "市公安局户政支队党支部", 15, 812, election=("2026-01-15", "2026-05-10", True), sat=910)
b("GAJ-06", "市公安局档案室党支部", 6, 615, d=(0, 0, 0), sat=812)        # Q2 tie at 61.5
b("GAJ-07", "市公安局警务保障室党支部", 11, 790, sat=870)
b("GAJ-08", "市公安局网安支队党支部", 17, 845, sat=921)
b("ZJJ-01", "市住房和城乡建设局机关第一党支部", 24, 905, sat=950)
b("ZJJ-02", "市住房和城乡建设局规划科党支部", 12, 870, sat=924)
b("ZJJ-03", "市住房和城乡建设局质监站党支部", 14, 640, sat=861)
b("ZJJ-04", "市住房和城乡建设局房管中心党支部", 20, 710, sat=874)
b("ZJJ-05", "市住房和城乡建设局物业办党支部", 8, 480, sat=700)         # no star by score
b("ZJJ-06", "市住房和城乡建设局城建档案馆党支部", 9, 770, sat=888)
b("ZJJ-07", "市住房和城乡建设局建管处党支部", 30, 830, participants=20, sat=909)   # participation warning
b("ZJJ-08", "市住房和城乡建设局人防办党支部", 10, 690, d=(170, -70, -26), sat=858)  # self ≫ superior warning


def spread(total):
    """Ten aspects (tenths, 0..100) summing to total, with a deterministic zigzag."""
    q, r = divmod(total, 10)
    a = [q + (1 if i < r else 0) for i in range(10)]
    for i in range(0, 10, 2):
        k = (i * 3) % 7 + 2
        k = min(k, 100 - a[i], a[i + 1])
        a[i] += k
        a[i + 1] -= k
    assert sum(a) == total and all(0 <= x <= 100 for x in a), (total, a)
    return a


def fmt(t):
    return f"{t // 10}.{t % 10}"


def sheets(br, year):
    shift = 0 if year == 2026 else YEAR_SHIFT.get(br["id"], 0)
    base = br["base"] + shift
    ds, dm, dp = br["d"]
    return spread(base + ds), spread(base + dm), spread(base + dp)


# 2025: a year earlier, different enough to show 晋星 / 减星.
YEAR_SHIFT = {"CZJ-03": 60, "JYJ-04": 70, "GAJ-03": 150, "ZJJ-05": 120, "WJW-07": -90, "ZJJ-04": 100,
              "GAJ-08": -60, "JYJ-07": 100, "CZJ-06": -40}


def events(br, year):
    return br["ev"] if year == 2026 else {"sat": br["ev"].get("sat", 900) if br["ev"].get("sat", 900) >= 600 else 820}


def committee_of(br):
    return next(c for c in COMMITTEES if br["id"].startswith(c[0]))


def xml(br, year):
    cid, cname, _ = committee_of(br)
    s, m, p = sheets(br, year)
    ev = events(br, year)
    parts = ev.get("participants", br["members"] - br["members"] // 8)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<submission xmlns="urn:star-report:submission:1" year="{year}">',
           f'  <branch id="{br["id"]}" category="机关">',
           f'    <name>{br["name"]}</name>',
           f'    <committee id="{cid}">{cname}</committee>',
           f'    <members>{br["members"]}</members>',
           '  </branch>']
    for tag, vals, attrs in (("selfEvaluation", s, ""),
                             ("massEvaluation", m, f' memberParticipants="{parts}" publicParticipants="{8 + len(br["name"]) % 7}"'),
                             ("superiorEvaluation", p, "")):
        out.append(f"  <{tag}{attrs}>")
        out += [f'    <aspect n="{i + 1}">{fmt(v)}</aspect>' for i, v in enumerate(vals)]
        out.append(f"  </{tag}>")
    out.append(f"  <satisfaction>{fmt(ev.get('sat', 900))}</satisfaction>")
    if ev.get("comm"):
        out.append("  <commendations>")
        titles = {"city": "市级先进基层党组织", "province": "省级先进基层党组织", "national": "全国先进基层党组织"}
        out += [f'    <commendation level="{l}" date="{year}-0{4 + i}-1{i}">{titles[l]}</commendation>' for i, l in enumerate(ev["comm"])]
        out.append("  </commendations>")
    if ev.get("innov"):
        out.append("  <innovations>")
        names = {"city": "“支部+协会”工作法", "province": "“党建+业务”双融合机制"}
        out += [f'    <innovation level="{l}" date="{year}-0{6 + i}-10">{names[l]}</innovation>' for i, l in enumerate(ev["innov"])]
        out.append("  </innovations>")
    if ev.get("crit_w") or ev.get("crit_m"):
        out.append("  <criticisms>")
        out += [f'    <criticism by="work-committee" date="{year}-03-02">未按时报送党建工作台账</criticism>'] * ev.get("crit_w", 0)
        out += [f'    <criticism by="municipal-committee" date="{year}-07-15">落实党建责任制不力</criticism>'] * ev.get("crit_m", 0)
        out.append("  </criticisms>")
    cases = ([("leadership", "serious-warning")] * ev.get("lead_minor", 0) + [("leadership", "revocation")] * ev.get("lead_major", 0)
             + [("member", "warning")] * ev.get("member", 0))
    if cases:
        out.append("  <disciplinaryCases>")
        out += [f'    <case role="{r}" sanction="{s_}" date="{year}-09-01"/>' for r, s_ in cases]
        out.append("  </disciplinaryCases>")
    if ev.get("election"):
        due, held, ok = ev["election"]
        h = f' held="{held}"' if held else ""
        out.append(f'  <election due="{due}"{h} delayApproved="{"true" if ok else "false"}"/>')
    if ev.get("absences"):
        out.append("  <absences>")
        kinds = ["meeting", "training", "task", "meeting"]
        for i in range(ev["absences"]):
            ex = ' excused="true"' if i < ev.get("excused", 0) else ""
            out.append(f'    <absence kind="{kinds[i % 4]}" date="{year}-0{2 + i}-11"{ex}/>')
        out.append("  </absences>")
    out.append("</submission>")
    return "\n".join(out) + "\n"


EN = (["year", "branch_id", "branch_name", "committee_id", "committee_name", "category", "members"]
      + [f"self_{i}" for i in range(1, 11)] + [f"mass_{i}" for i in range(1, 11)] + [f"superior_{i}" for i in range(1, 11)]
      + ["mass_member_participants", "mass_public_participants", "satisfaction", "commendation_level", "innovation_level",
         "criticisms_work_committee", "criticisms_municipal_committee", "leadership_minor_sanctions",
         "leadership_major_sanctions", "member_sanctions", "election_due", "election_held", "election_delay_approved",
         "unexcused_absences"])
CN = (["年度", "支部编号", "支部名称", "上级党组织编号", "上级党组织名称", "类别", "党员人数"]
      + [f"自评{i}" for i in range(1, 11)] + [f"测评{i}" for i in range(1, 11)] + [f"考评{i}" for i in range(1, 11)]
      + ["参评党员人数", "参评群众人数", "满意率", "表彰级别", "创新推广级别", "工委通报批评次数", "市委通报批评次数",
         "班子成员轻处分人次", "班子成员重处分人次", "党员违纪人次", "换届到期日", "换届日期", "延期已批准", "无故缺席次数"])
LEVEL_CN = {"city": "市级", "province": "省级", "national": "国家级"}
ORDER = {"city": 0, "province": 1, "national": 2}


def csv_row(br, year, chinese):
    cid, cname, _ = committee_of(br)
    s, m, p = sheets(br, year)
    ev = events(br, year)
    def top(lst):
        if not lst:
            return ""
        l = max(lst, key=ORDER.get)
        return LEVEL_CN[l] if chinese else l
    due, held, ok = ev.get("election", ("", "", None))
    ok_text = "" if ok is None else (("是" if ok else "否") if chinese else ("true" if ok else "false"))
    unexcused = ev.get("absences", 0) - ev.get("excused", 0)
    row = ([str(year), br["id"], br["name"], cid, cname, "机关", str(br["members"])]
           + [fmt(v) for v in s + m + p]
           + [str(ev.get("participants", br["members"] - br["members"] // 8)), str(8 + len(br["name"]) % 7), fmt(ev.get("sat", 900)),
              top(ev.get("comm")), top(ev.get("innov")), str(ev.get("crit_w", 0)), str(ev.get("crit_m", 0)),
              str(ev.get("lead_minor", 0)), str(ev.get("lead_major", 0)), str(ev.get("member", 0)),
              due, held or "", ok_text, str(unexcused)])
    return row


def quote(cell):
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\n') else cell


# Years whose 市卫生健康委 sheet is written as .xlsx rather than CSV.
XLSX_YEARS = {2026}


def write(year):
    d = f"SampleData/{year}"
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    for cid, cname, kind in COMMITTEES:
        if kind == "xml":
            for br in [x for x in B if x["id"].startswith(cid)]:
                with open(f"{d}/{br['id']}.xml", "w", encoding="utf-8") as fh:
                    fh.write(xml(br, year))
    wjw = [x for x in B if x["id"].startswith("WJW")]
    if year in XLSX_YEARS:
        # The same sheet as Excel saves it (.xlsx): typed cells, Chinese headers (Scripts/xlsx_sheet.py).
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import xlsx_sheet
        xlsx_sheet.write_sheet(f"{d}/市卫生健康委机关党委.xlsx", CN, [csv_row(br, year, True) for br in wjw])
    else:
        with open(f"{d}/市卫生健康委机关党委.csv", "wb") as fh:   # Excel "CSV UTF-8": BOM, CRLF, Chinese headers
            lines = [",".join(quote(c) for c in CN)] + [",".join(quote(c) for c in csv_row(br, year, True)) for br in wjw]
            fh.write(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    rest = [x for x in B if x["id"].startswith(("GAJ", "ZJJ"))]
    with open(f"{d}/gaj-zjj-{year}.csv", "wb") as fh:          # Excel "CSV" on Chinese Windows: GB18030
        lines = [",".join(EN)] + [",".join(quote(c) for c in csv_row(br, year, False)) for br in rest]
        fh.write(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    with open(f"{d}/branches.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("branch_id,branch_name,committee_id,committee_name\r\n")
        for br in B:
            cid, cname, _ = committee_of(br)
            fh.write(f"{br['id']},{br['name']},{cid},{cname}\r\n")
    with open(f"{d}/config.toml", "w", encoding="utf-8") as fh:
        fh.write(CONFIG)


CONFIG = """# Notice and e-mail settings for star-report (docs/input-formats.md, "config.toml"; settings for the notice and e-mail").
[notice]
issuer = "中共安阳市直属机关工作委员会"
objection_office = "市直工委组织部"
objection_phone = "0372-5101234"
objection_address = "安阳市文峰区中华路1号市委大院2号楼305室"
objection_email = "szgw-zzb@example.gov.cn"
sender_email = "szgw-zzb@example.gov.cn"

[committees.CZJ]
email = "czj-jgdw@example.gov.cn"
[committees.JYJ]
email = "jyj-jgdw@example.gov.cn"
[committees.WJW]
email = "wjw-jgdw@example.gov.cn"
[committees.GAJ]
email = "gaj-jgdw@example.gov.cn"
[committees.ZJJ]
email = "zjj-jgdw@example.gov.cn"
"""

write(2025)
write(2026)
