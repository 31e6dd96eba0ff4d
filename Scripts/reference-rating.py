#!/usr/bin/env python3
"""An independent reference implementation of docs/rules.md (default scheme anyang-2017), for
cross-checking star-report on generated data: reads CSV sheets of one input folder and prints
results.csv as docs/outputs.md specifies. Written from the spec, sharing no code with the Swift engine.

    python3 Scripts/reference-rating.py INPUT_DIR YEAR [all|committee] > expected.csv
"""
import csv, datetime, glob, math, os, sys

LEVEL = {"": None, "city": 30, "province": 50, "national": 80, "市级": 30, "省级": 50, "国家级": 80}


def tenths(s):
    s = s.strip()
    if "." in s:
        a, b = s.split(".")
        return int(a) * 10 + int(b)
    return int(s) * 10


def date(s):
    return datetime.date.fromisoformat(s) if s else None


def plus_year(d):
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def rate(row, ref):
    tot = {p: sum(tenths(row[f"{p}_{i}"]) for i in range(1, 11)) for p in ("self", "mass", "superior")}
    base = (20 * tot["self"] + 30 * tot["mass"] + 50 * tot["superior"] + 50) // 100
    codes, bonus, ded = [], 0, 0
    for code, col in (("B1", "commendation_level"), ("B2", "innovation_level")):
        p = LEVEL[row.get(col, "").strip()]
        if p:
            bonus += p; codes.append(code)
    sat = tenths(row["satisfaction"])
    n = lambda c: int(row.get(c, "") or 0)
    for code, col, pts in (("D1", "criticisms_work_committee", 30), ("D2", "criticisms_municipal_committee", 50),
                           ("D3", "leadership_minor_sanctions", 30), ("D4", "leadership_major_sanctions", 50),
                           ("D5", "member_sanctions", 20)):
        if n(col):
            ded += pts * n(col); codes.append(code)
    if sat < 600:
        ded += 50; codes.append("D6")
    if n("unexcused_absences"):
        ded += 30 * n("unexcused_absences"); codes.append("D7")
    final = min(max(base + bonus - ded, 0), 1000)
    band = sum(final >= b for b in (500, 600, 700, 800, 900))
    stars = band
    if sat < 500:
        stars = 0; codes.append("C1")
    due, held = date(row.get("election_due", "")), date(row.get("election_held", ""))
    approved = row.get("election_delay_approved", "").strip() in ("true", "是")
    if due:
        overdue = (held > due) if held else (due < ref)
        if overdue and not approved:
            stars = min(stars, 4); codes.append("C2")
        if (held or ref) > plus_year(due):
            stars = min(stars, 3); codes.append("C3")
    if n("unexcused_absences") >= 3:
        stars = max(0, min(stars, 4) - 1); codes.append("C4")
    return dict(id=row["branch_id"], name=row["branch_name"], committee=row["committee_id"], tot=tot, base=base,
                bonus=bonus, ded=ded, final=final, band=band, stars=stars, codes=codes)


def quotas(rs):
    n = len(rs)
    lim5 = n * 10 // 100
    five = sorted([r for r in rs if r["stars"] == 5], key=lambda r: -r["final"])
    if len(five) > lim5:
        cut = five[lim5]["final"]
        for r in five:
            if r["final"] <= cut:
                r["stars"] = 4; r["codes"].append("Q1")
    need = math.ceil(n * 10 / 100)
    have = sum(r["stars"] <= 1 for r in rs)
    if have < need:
        short = need - have
        cand = sorted([r for r in rs if r["stars"] >= 2], key=lambda r: r["final"])
        if len(cand) <= short:
            chosen = cand
        else:
            cut = cand[short - 1]["final"]
            chosen = [r for r in cand if r["final"] <= cut]
        for r in chosen:
            r["stars"] = 1; r["codes"].append("Q2")


def main():
    folder, year = sys.argv[1], int(sys.argv[2])
    scope = sys.argv[3] if len(sys.argv) > 3 else "all"
    ref = datetime.date(year, 12, 31)
    rs = []
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        if os.path.basename(path) == "branches.csv":
            continue
        with open(path, newline="", encoding="utf-8-sig") as f:
            rs += [rate(row, ref) for row in csv.DictReader(f)]
    if scope == "all":
        quotas(rs)
    else:
        for c in sorted({r["committee"] for r in rs}):
            quotas([r for r in rs if r["committee"] == c])
    fmt = lambda t: f"{t // 10}.{t % 10}"
    w = csv.writer(sys.stdout, lineterminator="\r\n")
    w.writerow("branch_id,branch_name,committee_id,self_total,mass_total,superior_total,base,bonus,deduction,final,band_stars,stars,rules".split(","))
    for r in sorted(rs, key=lambda r: (r["committee"], r["id"])):
        seen = []
        for c in r["codes"]:
            if c not in seen:
                seen.append(c)
        w.writerow([r["id"], r["name"], r["committee"], fmt(r["tot"]["self"]), fmt(r["tot"]["mass"]), fmt(r["tot"]["superior"]),
                    fmt(r["base"]), fmt(r["bonus"]), fmt(r["ded"]), fmt(r["final"]), r["band"], r["stars"], ";".join(seen)])


main()
