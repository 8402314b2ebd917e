#!/usr/bin/env python3
"""Does the workflows' data preparation compute the study panel that `./panelkit reproduce` computes?

    python3 releng/workflows/semantics.py PANEL.csv [WORKFLOW_DIR]

PANEL.csv is the panel.csv written by `./panelkit reproduce --out DIR` (province, region, year and the study
variables). WORKFLOW_DIR (default workflows/PanelKit_Study_All) is a generated workflow. The check replays the
workflow's preparation chain on data/synthetic_study_raw.csv with the settings read from its settings.xml files:
Panel Interpolation (linear in the year within each entity, ends held - the workflow's method/ends), the
Expression nodes (their expressions, evaluated by a small interpreter of the subset of KNIME's expression language
they use), the two Location Quotient nodes (wide layout, national totals = sums over the entities of each year,
output columns lq_<column>) and the Column Filter, and compares every value with PANEL.csv to 1e-9 relative.

It checks the formulas the workflows hand to KNIME against the engine's definitions (StudyVariables); it does
not run KNIME. Python 3 standard library only.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(HERE))

from knimexml import parse_xml  # noqa: E402

ROOT = HERE.parents[1]


def _nodes(wf: Path):
    wk = parse_xml((wf / "workflow.knime").read_bytes())
    nodes = {}
    for nc in wk.sub("nodes").configs():
        s = parse_xml((wf / nc.value("node_settings_file")).read_bytes())
        nodes[int(nc.value("id"))] = s
    edges = [(int(c.value("sourceID")), int(c.value("destID")), int(c.value("destPort")))
             for c in wk.sub("connections").configs()]
    return nodes, edges


def _chain(nodes, edges):
    """The data chain from the raw CSV Reader (the one whose path is overwritten by data_path) to the first
    Column Filter after it."""
    start = next(i for i, s in nodes.items() if s.value("factory").endswith("CSVTableReaderNodeFactory")
                 and s.has("variables"))
    chain = [start]
    while True:
        nxt = [d for (s, d, p) in edges if s == chain[-1] and p == 1]
        if not nxt:
            break
        chain.append(nxt[0])
        if nodes[nxt[0]].value("factory").endswith("DataColumnSpecFilterNodeFactory"):
            break
    return chain


_FUNCS = {"ln": math.log, "exp": math.exp, "min": min, "max": max, "abs": abs, "sqrt": math.sqrt}


def evaluate(expr: str, row: dict) -> float:
    """The subset of KNIME's expression language the workflows use: $["column"], numbers, + - * / and
    parentheses, ln exp min max abs sqrt."""
    py = re.sub(r'\$\["([^"]+)"\]', lambda m: f'_c[{m.group(1)!r}]', expr)
    if re.search(r"[^\w\s.+\-*/(),'\[\]]", py):
        raise ValueError(f"unsupported expression syntax: {expr}")
    for name in re.findall(r"\b([a-z_]+)\s*\(", py):
        if name not in _FUNCS:
            raise ValueError(f"unsupported function {name} in {expr}")
    return eval(py, {"__builtins__": {}}, {**_FUNCS, "_c": row})  # noqa: S307 - our own generated expressions


def interpolate(rows, entity, time, columns, method, ends):
    if method != "LINEAR" or ends != "CONSTANT":
        raise ValueError(f"replay supports linear interpolation with constant ends, not {method}/{ends}")
    by = defaultdict(list)
    for r in rows:
        by[r[entity]].append(r)
    out = []
    for e in sorted(by):
        g = sorted(by[e], key=lambda r: int(r[time]))
        for col in columns:
            known = [(int(r[time]), float(r[col])) for r in g if r[col] not in ("", "NA", "NaN")]
            for r in g:
                if r[col] not in ("", "NA", "NaN"):
                    r[col] = float(r[col])
                    continue
                t = int(r[time])
                before = [k for k in known if k[0] < t]
                after = [k for k in known if k[0] > t]
                if before and after:
                    (t0, v0), (t1, v1) = before[-1], after[0]
                    r[col] = v0 + (v1 - v0) * (t - t0) / (t1 - t0)
                else:
                    r[col] = (before[-1] if before else after[0])[1]
        out.extend(g)
    return out


def location_quotients(rows, region, time, columns, prefix="lq_"):
    totals = defaultdict(float)
    for r in rows:
        for c in columns:
            totals[(r[time], c)] += r[c]
    for r in rows:
        region_total = sum(r[c] for c in columns)
        national = sum(totals[(r[time], c)] for c in columns)
        for c in columns:
            r[prefix + c] = (r[c] / region_total) / (totals[(r[time], c)] / national)
    return rows


def replay(wf: Path):
    nodes, edges = _nodes(wf)
    chain = _chain(nodes, edges)
    raw = list(csv.DictReader((wf / "data" / "synthetic_study_raw.csv").open(encoding="utf-8")))
    rows = raw
    for nid in chain[1:]:
        s = nodes[nid]
        f, m = s.value("factory"), s.sub("model")
        if f.endswith("PanelInterpolationNodeFactory"):
            cols = m.sub("columns").sub("manualFilter").array("manuallySelected")
            rows = interpolate(rows, m.value("entity_column"), m.value("time_column"), cols, m.value("method"),
                               m.value("ends"))
        elif f.endswith("ExpressionRowMapperNodeFactory"):
            exprs = [(m.value("createdColumn"), m.value("script"))]
            exprs += [(e.value("createdColumn"), e.value("script")) for e in m.sub("additionalExpressions").configs()]
            for r in rows:
                for name, script in exprs:
                    r[name] = evaluate(script, r)
        elif f.endswith("LocationQuotientNodeFactory"):
            if m.value("layout") != "WIDE" or m.value("national") != "SUM_OF_REGIONS":
                raise ValueError(f"replay supports wide location quotients with national totals summed over the "
                                 f"regions, not {m.value('layout')}/{m.value('national')}")
            cols = m.sub("industry_columns").sub("manualFilter").array("manuallySelected")
            rows = location_quotients(rows, m.value("region_column"), m.value("time_column"), cols)
        elif f.endswith("DataColumnSpecFilterNodeFactory"):
            keep = m.sub("column-filter").array("included_names")
            rows = [{k: r[k] for k in keep} for r in rows]
        else:
            raise ValueError(f"replay does not know node {nid} ({f})")
    return rows


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(__doc__)
        return 2
    panel = list(csv.DictReader(Path(argv[0]).open(encoding="utf-8")))
    wf = Path(argv[1]) if len(argv) > 1 else ROOT / "workflows" / "PanelKit_Study_All"
    rows = replay(wf)
    key = lambda r: (r["province"], int(r["year"]))  # noqa: E731
    mine = {key(r): r for r in rows}
    problems = []
    if len(mine) != len(panel):
        problems.append(f"{len(mine)} rows, panel.csv has {len(panel)}")
    worst = 0.0
    for p in panel:
        r = mine.get(key(p))
        if r is None:
            problems.append(f"no row for {key(p)}")
            continue
        for col, v in p.items():
            if col in ("province", "region", "year"):
                if str(r.get(col)) != v:
                    problems.append(f"{key(p)} {col}: {r.get(col)!r} vs {v!r}")
                continue
            if col not in r:
                problems.append(f"column {col} missing from the workflow's panel")
                continue
            a, b = float(r[col]), float(v)
            rel = abs(a - b) / max(abs(b), 1e-12)
            worst = max(worst, rel)
            if rel > 1e-9:
                problems.append(f"{key(p)} {col}: workflow {a!r} vs reproduce {b!r}")
    extra = set(next(iter(rows)).keys()) - set(panel[0].keys())
    if extra:
        problems.append(f"the workflow's panel has columns reproduce does not write: {sorted(extra)}")
    for p in problems[:20]:
        print("ERROR   " + p)
    print(f"semantics.py: {len(panel)} rows x {len(panel[0]) - 3} variables, largest relative difference "
          f"{worst:.2e} -> {'FAILED' if problems else 'OK'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
