#!/usr/bin/env python3
"""Synthetic star-report input, deterministic by seed: N branches as one CSV sheet and K XML files.

    python3 Benchmarks/generate.py --seed 1 --csv-branches 1000000 --xml-files 20000 --out .build-bench/data

writes OUT/csv/sheet.csv (N rows, UTF-8, Chinese names, quoted fields with commas) and
OUT/xml/*.xml (K files, namespace urn:star-report:submission:1), each folder a valid input for
`star-report run`. Every value is valid per docs/input-formats.md; events are spread so that
every rule fires somewhere.
"""
import argparse, os, random

COLS = (["year", "branch_id", "branch_name", "committee_id", "committee_name", "category", "members"]
        + [f"self_{i}" for i in range(1, 11)] + [f"mass_{i}" for i in range(1, 11)] + [f"superior_{i}" for i in range(1, 11)]
        + ["mass_member_participants", "mass_public_participants", "satisfaction", "commendation_level", "innovation_level",
           "criticisms_work_committee", "criticisms_municipal_committee", "leadership_minor_sanctions",
           "leadership_major_sanctions", "member_sanctions", "election_due", "election_held", "election_delay_approved",
           "unexcused_absences"])
UNITS = ["财政局", "教育局", "卫生健康委", "公安局", "住房和城乡建设局", "交通运输局", "农业农村局", "商务局", "文化广电旅游局", "市场监管局"]
LEVELS = ["", "", "", "", "", "", "city", "province", "national"]


def fmt(t):
    return f"{t // 10}.{t % 10}"


MIN_LEVEL = 45


def branch(rng, i, year):
    cid = f"C{i // 50:05d}"
    unit = UNITS[(i // 50) % len(UNITS)]
    level = rng.randint(MIN_LEVEL, 98) * 10
    sheets = [[max(0, min(100, level // 10 + rng.randint(-6, 6))) for _ in range(10)] for _ in range(3)]
    members = rng.randint(5, 60)
    ev = rng.random()
    election = ("", "", "")
    if ev < 0.05:
        election = (f"{year - 1}-{rng.randint(1, 12):02d}-15", "", "false")
    elif ev < 0.10:
        election = (f"{year}-03-31", f"{year}-0{rng.randint(3, 9)}-01", rng.choice(["true", "false"]))
    return dict(
        year=str(year), branch_id=f"B{i:07d}", branch_name=f"市{unit}第{i % 50 + 1}党支部", committee_id=cid,
        committee_name=f"市{unit}机关党委（{cid}）", category="机关", members=str(members),
        sheets=sheets, mp=str(members - rng.randint(0, members // 6)), pp=str(rng.randint(3, 20)),
        sat=rng.randint(420, 1000) if rng.random() < 0.05 else rng.randint(800, 1000),
        comm=rng.choice(LEVELS), innov=rng.choice(LEVELS),
        counts=[1 if rng.random() < 0.03 else 0 for _ in range(5)],
        election=election, absences=rng.choice([0] * 20 + [1, 2, 3, 4]))


def csv_row(b):
    cells = [b["year"], b["branch_id"], b["branch_name"], b["committee_id"], '"' + b["committee_name"] + '，机关"', b["category"], b["members"]]
    for s in b["sheets"]:
        cells += [fmt(v) for v in s]
    cells += [b["mp"], b["pp"], fmt(b["sat"]), b["comm"], b["innov"]] + [str(c) for c in b["counts"]]
    cells += list(b["election"]) + [str(b["absences"])]
    return ",".join(cells)


def xml_doc(b):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<submission xmlns="urn:star-report:submission:1" year="{b["year"]}">',
           f'  <branch id="{b["branch_id"]}" category="机关">', f'    <name>{b["branch_name"]}</name>',
           f'    <committee id="{b["committee_id"]}">{b["committee_name"]}</committee>', f'    <members>{b["members"]}</members>', '  </branch>']
    for tag, s, attrs in (("selfEvaluation", b["sheets"][0], ""),
                          ("massEvaluation", b["sheets"][1], f' memberParticipants="{b["mp"]}" publicParticipants="{b["pp"]}"'),
                          ("superiorEvaluation", b["sheets"][2], "")):
        out.append(f"  <{tag}{attrs}>" + "".join(f'<aspect n="{i + 1}">{fmt(v)}</aspect>' for i, v in enumerate(s)) + f"</{tag}>")
    out.append(f"  <satisfaction>{fmt(b['sat'])}</satisfaction>")
    if b["comm"]:
        out.append(f'  <commendations><commendation level="{b["comm"]}" date="{b["year"]}-05-04">先进基层党组织</commendation></commendations>')
    if b["innov"]:
        out.append(f'  <innovations><innovation level="{b["innov"]}" date="{b["year"]}-06-10">工作法</innovation></innovations>')
    due, held, ok = b["election"]
    if due:
        out.append(f'  <election due="{due}"' + (f' held="{held}"' if held else "") + f' delayApproved="{ok}"/>')
    if b["absences"]:
        out.append("  <absences>" + "".join(f'<absence kind="meeting" date="{b["year"]}-02-1{k}"/>' for k in range(b["absences"])) + "</absences>")
    out.append("</submission>")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--csv-branches", type=int, default=1000)
    ap.add_argument("--xml-files", type=int, default=100)
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-level", type=int, default=45, help="lowest typical aspect score ×10 (raise it so that few branches fall to one star and the bottom quota binds)")
    a = ap.parse_args()
    global MIN_LEVEL
    MIN_LEVEL = a.min_level
    rng = random.Random(a.seed)
    os.makedirs(f"{a.out}/csv", exist_ok=True)
    os.makedirs(f"{a.out}/xml", exist_ok=True)
    with open(f"{a.out}/csv/sheet.csv", "w", encoding="utf-8", newline="") as f:
        f.write(",".join(COLS) + "\r\n")
        for i in range(a.csv_branches):
            f.write(csv_row(branch(rng, i, a.year)) + "\r\n")
    for i in range(a.xml_files):
        b = branch(rng, a.csv_branches + i, a.year)
        with open(f"{a.out}/xml/{b['branch_id']}.xml", "w", encoding="utf-8") as f:
            f.write(xml_doc(b))


main()
