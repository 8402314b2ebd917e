#!/usr/bin/env python3
"""Writes the example KNIME workflows of PanelKit (issue 6) from releng/workflows/workflows.json.

    python3 releng/workflows/generate.py [--out DIR] [--expected REPRODUCE_OUT] [--allow-provisional]

For every workflow in workflows.json it writes, under DIR (default: workflows/):
  <folder>/workflow.knime, workflowset.meta, workflow-metadata.xml   the workflow (KNIME 5.7 format)
  <folder>/<Node Name> (#<id>)/settings.xml                          one folder per node
  <folder>/data/synthetic_study_raw.csv                               the embedded raw data
  <folder>.knwf                                                       the same, zipped for File > Import
  testflows/<folder>/...                                              the testflow: the same chain plus a
                                                                      Table Difference Checker per model (KNIME
                                                                      Testing Framework) and
                                                                      data/expected/<model>_coefficients.csv
The user-facing workflows contain only nodes of a default KNIME install plus PanelKit.

The output is deterministic: fixed timestamps from workflows.json, fixed ordering, fixed zip entry metadata.

--expected DIR   first refresh releng/workflows/expected/ from `./panelkit reproduce --out DIR` (models/*_coefficients.csv
                 and the regression tables table1.csv ... table4.csv)
--allow-provisional
                 also generate when a PanelKit node referenced by a workflow is not registered in
                 bundles/org.panelkit.knime/plugin.xml yet (its keys then come from the 'provisional' description in
                 workflows.json). Without it the generator stops and names the missing factories.

Python 3.8+ standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(HERE))

import knimenodes as kn  # noqa: E402
import panelkit_source as ps  # noqa: E402
from knimexml import Config, to_xml  # noqa: E402

ROOT = HERE.parents[1]
SPEC_FILE = HERE / "workflows.json"
REGRESSION_TABLES = ["table1.csv", "table2.csv", "table3.csv", "table4.csv"]  # reproduce's labelled tables
TESTFLOWS = "testflows"  # workflows/testflows/<folder>: the example plus Table Difference Checkers
KNIME_BUNDLE = ROOT / "bundles" / "org.panelkit.knime"
FEATURES = ROOT / "features"

PORT_CLASSES = {"table": kn.TABLE, "image": "org.knime.core.node.port.image.ImagePortObject",
                "flowvariable": "org.knime.core.node.port.flowvariable.FlowVariablePortObject"}

# layout grid
COL = 150
ROW = 120
X0 = 80


class GenerationError(Exception):
    pass


# ================================================================================================ model of a workflow

@dataclass
class Node:
    id: int
    type: str
    name: str  # node-name as the factory declares it; the folder is derived from it
    factory: str
    bundle: Tuple[str, str, str, str]  # name, symbolic name, vendor, version
    feature: Optional[Tuple[str, str, str, str]]
    model: Config
    ins: List[str]  # port types of the data/variable inputs (index 1..)
    outs: List[str]
    label: str = ""
    x: int = 0
    y: int = 0
    variables: List[Tuple[List[str], str]] = field(default_factory=list)
    creation: Optional[Config] = None
    provisional: bool = False

    @property
    def folder(self) -> str:
        return "".join(c if (c.isascii() and c.isalnum()) or c == " " else "_" for c in self.name) + f" (#{self.id})"


@dataclass
class Workflow:
    folder: str
    title: str
    description: str
    tags: List[str]
    nodes: List[Node] = field(default_factory=list)
    connections: List[Tuple[int, int, int, int]] = field(default_factory=list)
    annotations: List[Tuple[str, int, int, int, int, int]] = field(default_factory=list)
    expected: List[str] = field(default_factory=list)  # model ids whose expected tables go into data/expected


# ================================================================================================ the builder

class Builder:
    def __init__(self, spec: dict, allow_provisional: bool):
        self.spec = spec
        self.allow_provisional = allow_provisional
        self.registered = set(ps.plugin_factories(KNIME_BUNDLE / "plugin.xml"))
        mf = ps.manifest(KNIME_BUNDLE / "META-INF" / "MANIFEST.MF")
        version = _release_version(mf.get("Bundle-Version", "0.0.0"))
        self.pk_bundle = (mf.get("Bundle-Name"), mf.get("Bundle-SymbolicName", "").split(";")[0] or None,
                          mf.get("Bundle-Vendor"), version)
        self.pk_feature = None  # the feature that installs org.panelkit.knime, as KNIME records it
        for fx in sorted(FEATURES.glob("*/feature.xml")):
            if _feature_includes(fx, "org.panelkit.knime"):
                feat = ps.feature(fx)
                self.pk_feature = (feat["label"], feat["id"] + ".feature.group", feat["provider"],
                                   _release_version(feat["version"]))
                break
        self.problems: List[str] = []
        self.provisional_used: Dict[str, str] = {}
        self._schemas: Dict[str, List[ps.Setting]] = {}

    # -------------------------------------------------------------------------------------- node factories
    def knime_node(self, wf: Workflow, type_: str, model: Config, label: str, **kw) -> Node:
        d = self.spec["knime_nodes"][type_]
        version = self.spec["knime"]["bundle_version"]
        bundle = tuple(d["bundle"]) + (version,)
        feature = tuple(d["feature"]) + (version,) if d.get("feature") else None
        creation = kn.creation_config(d["port_groups"]) if d.get("port_groups") else None
        ins = [p.replace("_optional", "") for p in d["in"]]
        n = Node(len(wf.nodes) + 1, type_, d["node_name"], d["factory"], bundle, feature, model, ins,
                 list(d["out"]), label, creation=creation, **kw)
        wf.nodes.append(n)
        return n

    def schema(self, type_: str) -> Tuple[List[ps.Setting], bool]:
        """Settings of a PanelKit node type: from its NodeParameters source, else the provisional description."""
        d = self.spec["panelkit_nodes"][type_]
        if type_ not in self._schemas:
            src = ROOT / d["parameters"]
            if src.is_file():
                self._schemas[type_] = ps.parameter_settings(src)
            else:
                self._schemas[type_] = [ps.Setting(p["key"], "?", p["kind"], p.get("values"))
                                        for p in d.get("provisional", [])]
                if not self._schemas[type_]:
                    raise GenerationError(f"{type_}: {d['parameters']} does not exist and no provisional keys given")
        return self._schemas[type_], not (ROOT / d["parameters"]).is_file()

    def panelkit_node(self, wf: Workflow, type_: str, values: dict, label: str, n_models: int = 0,
                      variables=None) -> Node:
        d = self.spec["panelkit_nodes"][type_]
        settings, provisional_keys = self.schema(type_)
        registered = d["factory"] in self.registered
        if not registered:
            self.provisional_used[d["factory"]] = d["parameters"] if provisional_keys else "sources exist"
        vals = dict(d["defaults"])
        unknown = set(values) - {s.key for s in settings}
        if unknown:
            raise GenerationError(f"{type_}: no settings keys {sorted(unknown)} in {d['parameters']}")
        vals.update(values)
        model = Config("model")
        for s in settings:
            if s.key not in vals:
                raise GenerationError(f"{type_}: no value for settings key '{s.key}' (add it to 'defaults' in "
                                      f"workflows.json)")
            _put_setting(model, s, vals[s.key], type_)
        ins, creation = d["in"], None
        if isinstance(ins, str):
            per = ins.split(":")[1].split(",")
            count = n_models if ins.startswith("per_model") else 2
            ins = ["table"] * (len(per) * count)
            if d.get("port_group"):
                # every port group of the factory, in the order its PortsConfigurationBuilder adds them (KNIME saves
                # all of them; fixed groups stay empty), the extendable Model group holding the connected ports
                creation = kn.creation_config(d.get("port_groups", [d["port_group"]]),
                                              {d["port_group"]: [kn.TABLE] * len(ins)})
        n = Node(len(wf.nodes) + 1, type_, d["node_name"], d["factory"], self.pk_bundle, self.pk_feature, model,
                 list(ins), list(d["out"]), label, variables=list(variables or []), creation=creation,
                 provisional=not registered)
        wf.nodes.append(n)
        return n

    # -------------------------------------------------------------------------------------- workflows
    def build(self, wdef: dict, testflow: bool = False) -> Workflow:
        """The workflow; testflow: with the Table Difference Checkers and the expected tables (for
        workflows/testflows/), otherwise the user-facing workflow, which runs on a default KNIME install."""
        self.testflow = testflow
        return self._build(wdef)

    def _build(self, wdef: dict) -> Workflow:
        """Runs the blocks, then lays them out top to bottom: each block is an annotation (title and explanation)
        with its nodes on a grid below the text; the header annotation on top names the variables."""
        tags = list(wdef.get("tags", [])) + (["testflow"] if self.testflow else [])
        wf = Workflow(wdef["folder"], wdef["title"], wdef["description"], tags)
        self.sources: Dict[str, Tuple[Node, int]] = {}
        self.fitted: Dict[str, Node] = {}
        blocks = []
        for block in wdef["blocks"]:
            kind = block["block"]
            fn = getattr(self, "block_" + kind, None)
            if fn is None:
                raise GenerationError(f"{wdef['folder']}: unknown block '{kind}'")
            first = len(wf.nodes)
            title, text = fn(wf, block)
            blocks.append((f"<p><strong>{_esc(title)}</strong></p>{text}", wf.nodes[first:]))
        width = max(max(n.x for n in placed) * COL + COL + 100 for _, placed in blocks)
        width = max(width, 1000)
        header = self.header(wf)
        y = 20
        header_h = _text_height(header, width)
        wf.annotations.append((header, X0 - 50, y, width, header_h, 15132390))
        y += header_h + 40
        for text, placed in blocks:
            text_h = _text_height(text, width)
            top = y + text_h + 50
            for n in placed:
                n.x, n.y = X0 + n.x * COL, top + n.y * ROW
            height = text_h + 50 + max(n.y for n in placed) - top + 90
            wf.annotations.append((text, X0 - 50, y, width, height, 16777215))
            y += height + 40
        return wf

    def header(self, wf: Workflow) -> str:
        var_lines = "".join(
            f"<li><p><code>{_esc(v['name'])}</code> ({v['type']}, default "
            f"<code>{_esc(str(v['value']))}</code>): {_esc(v['doc'])}</p></li>"
            for v in self.spec["variables"])
        return (f"<h2>{_esc(wf.title)}</h2><p>{_esc(wf.description)}</p>"
                f"<p><strong>Workflow variables</strong> (right-click the workflow &gt; Workflow Variables, or "
                f"<code>-workflow.variable='name,value,type'</code> in batch mode; see docs/batch.md):</p>"
                f"<ul>{var_lines}</ul>" + (
                    f"<p><strong>Testflow:</strong> this is the example workflow {_esc(wf.folder)} plus checks: every "
                    f"<em>Table Difference Checker</em> (KNIME Testing Framework) compares a model's coefficients "
                    f"with <code>data/expected/&lt;model&gt;_coefficients.csv</code> (written by "
                    f"<code>./panelkit reproduce</code>), row IDs ignored; it fails when the results differ. "
                    if self.testflow else
                    f"<p>Runs on KNIME Analytics Platform with PanelKit installed (no other extension). The testflow "
                    f"of the same name in <code>testflows/</code> adds checks of every model against the "
                    f"coefficients of <code>./panelkit reproduce</code> (it needs the KNIME Testing Framework). ")
                + "Generated by releng/workflows/generate.py - edit workflows.json, not this workflow.</p>")

    def connect(self, wf: Workflow, src: Node, sport: int, dst: Node, dport: int):
        wf.connections.append((src.id, sport, dst.id, dport))

    # -------------------------------------------------------------------------------------- blocks
    def block_prepare(self, wf: Workflow, block: dict):
        st = self.spec["study"]
        strings = [v["name"] for v in self.spec["variables"] if v["type"] == "String"]
        ve = self.knime_node(wf, "variable_expression", kn.variable_expression([
            ("data_note", '"synthetic demonstration data - not the study\'s data"', "String"),
            ("period_labels", '"2001-" + string($$["break_year"] - 1) + "; " + string($$["break_year"]) + '
                              '"-2021"', "String")]),
            "Notes and periods\nfrom break_year")
        sp = self.knime_node(wf, "string_to_path_variable",
                             kn.string_to_path_variable(["data_path"], [s for s in strings if s != "data_path"]
                                                        + ["data_note", "period_labels"]),
                             "data_path ->\npath variable")
        rd = self.knime_node(wf, "csv_reader", kn.csv_reader(self.spec["variables"][0]["value"], True),
                             "Raw series\n(data_path)",
                             variables=[(kn.CSV_READER_PATH_VARIABLE, "data_path_location")])
        # the interpolation of ./panelkit reproduce, stated explicitly: linear, ends constant (the node's default
        # leaves the ends missing), every gap filled
        ip = self.panelkit_node(wf, "panel_interpolation", {"columns": st["series"], "entity_column": st["entity"],
                                                            "time_column": st["time"], "method": "LINEAR",
                                                            "ends": "CONSTANT", "limit_gap": False},
                                "Fill gaps within\neach province")
        rest = self.knime_node(wf, "expression", kn.expression([("rest_of_economy", st["rest_of_economy"])]),
                               "Y minus industry")
        lq1 = self.panelkit_node(wf, "location_quotient", {"industry_columns": ["industry_output", "rest_of_economy"],
                                                           "region_column": st["entity"], "time_column": st["time"]},
                                 "IC: LQ of industry\nvs the rest")
        lq2 = self.panelkit_node(wf, "location_quotient", {"industry_columns": ["primary_output", "secondary_output",
                                                                                "tertiary_output"],
                                                           "region_column": st["entity"], "time_column": st["time"]},
                                 "IC2: LQ of the\nthree sectors")
        var = self.knime_node(wf, "expression", kn.expression([(v["name"], v["expression"]) for v in st["variables"]]),
                              "Study variables\nTU IC IC2 controls")
        cf = self.knime_node(wf, "column_filter", kn.column_filter(st["panel_columns"]), "The study panel")
        chain = [ve, sp, rd, ip, rest, lq1, lq2, var, cf]
        for i, n in enumerate(chain):
            n.x, n.y = i, 0
        self.connect(wf, ve, 1, sp, 1)
        self.connect(wf, sp, 1, rd, 0)
        for a, b in zip(chain[2:], chain[3:]):
            self.connect(wf, a, 1, b, 1)
        self.sources["all"] = (cf, 1)
        defs = "".join(f"<li><p><code>{v['name']}</code>: {_esc(v['doc'])}</p></li>" for v in st["variables"])
        text = ("<p>Reads the raw provincial series from <code>data_path</code> (default: the synthetic demonstration "
                "data shipped in this workflow's data folder), fills gaps within each province by linear "
                "interpolation in the year (ends held at the nearest observation), computes the location quotients "
                "(national totals = sums over the 30 provinces in each year) and the study variables:</p>"
                f"<ul>{defs}</ul><p>docs/study.md explains each definition and what the paper leaves open.</p>")
        return "1. Data: interpolation, location quotients, study variables", text

    def block_split_regions(self, wf: Workflow, block: dict):
        src, port = self.sources["all"]
        sp = self.panelkit_node(wf, "subsample_splitter", {"split_by": "REGION_NBS3"},
                                "NBS regions\n(East, Central, West)")
        sp.x, sp.y = 0, 1
        self.connect(wf, src, port, sp, 1)
        for i, region in enumerate(["East", "Central", "West"]):
            f = self.knime_node(wf, "expression_row_filter",
                                kn.expression_row_filter(f'$["subsample"] == "{region}"'), region)
            f.x, f.y = 1, i
            self.connect(wf, sp, 1, f, 1)
            self.sources[region] = (f, 1)
        text = ("<p>Assigns every province its NBS region (built-in China region table, matched on the province "
                "name) in the column <code>subsample</code>, then keeps one region per branch: East (11 provinces), "
                "Central (8), West (11, without Xizang).</p>")
        return "Subsamples: NBS regions", text

    def block_split_period(self, wf: Workflow, block: dict):
        src, port = self.sources["all"]
        for i, (name, op, label) in enumerate([("pre", "<", "years before\nbreak_year"),
                                               ("post", ">=", "years from\nbreak_year on")]):
            f = self.knime_node(wf, "expression_row_filter",
                                kn.expression_row_filter(f'$["year"] {op} $$["break_year"]'), label)
            f.x, f.y = 0, i
            self.connect(wf, src, port, f, 1)
            self.sources[name] = (f, 1)
        text = ("<p>Splits the panel at the workflow variable <code>break_year</code> (default 2017, the trade "
                "shock): years before it and years from it on. Set another break year with "
                "<code>-workflow.variable='break_year,2018,int'</code> (the testflows' expected tables hold for 2017 only).</p>")
        return "Subsamples: before and after the break year", text

    def block_models(self, wf: Workflow, block: dict):
        controls = self.spec["study"]["controls"]
        cmp = self.spec["compare"]
        se_key = self.spec["panelkit_nodes"]["panel_regression"]["se_type_key"]
        lines = []
        for k, mid in enumerate(block["models"]):
            m = self.spec["models"][mid]
            x = [c for term in m["x"] for c in (controls if term == "controls" else [term])]
            src, port = self.sources[m["sample"]]
            reg = self.panelkit_node(wf, "panel_regression", {"y_column": "TU", "regressors": x},
                                     f"{mid}: TU ~ {' + '.join(m['x'])}\n({m['sample']})",
                                     variables=[(list(se_key) if isinstance(se_key, list) else [se_key],
                                                 "se_type")])
            self.connect(wf, src, port, reg, 1)
            self.fitted[mid] = reg
            lines.append(f"<li><p><code>{mid}</code> ({_esc(m['label'])}): TU on "
                         f"{_esc(', '.join(x))}; sample: {_esc(self.sample_text(m['sample']))}</p></li>")
            if not self.testflow:
                reg.x, reg.y = k, 0
                continue
            got = self.knime_node(wf, "column_filter", kn.column_filter(cmp["columns"], ["df", "stars"]),
                                  f"{mid}: coefficients")
            exp = self.knime_node(wf, "csv_reader",
                                  kn.csv_reader(f"knime://knime.workflow/data/expected/{mid}_coefficients.csv", False),
                                  f"{mid}: expected")
            expf = self.knime_node(wf, "column_filter", kn.column_filter(cmp["columns"], ["stars"]),
                                   f"{mid}: expected\ncoefficients")
            strings = [c for c in cmp["columns"] if c == "term"]
            chk = self.knime_node(wf, "table_difference_checker",
                                  kn.table_difference_checker(strings, [c for c in cmp["columns"] if c not in strings],
                                                              cmp["epsilon"]),
                                  f"{mid}: check")
            self.connect(wf, reg, self.spec["panelkit_nodes"]["panel_regression"]["outputs"]["coefficients"], got, 1)
            self.connect(wf, exp, 1, expf, 1)
            self.connect(wf, got, 1, chk, 1)
            self.connect(wf, expf, 1, chk, 2)
            base = 3 * k
            reg.x, reg.y = base, 0
            got.x, got.y = base + 1, 0
            chk.x, chk.y = base + 2, 0
            exp.x, exp.y = base, 1
            expf.x, expf.y = base + 1, 1
            wf.expected.append(mid)
        text = ("<p>Panel Regression (Fixed Effects): province and year fixed effects, standard errors clustered by "
                "province with Stata's xtreg small-sample factor and G-1 degrees of freedom (the paper's \"robust "
                "standard errors\"); the standard-error type comes from the workflow variable <code>se_type</code>."
                f"</p><ul>{''.join(lines)}</ul>")
        if self.testflow:
            text += ("<p>Each model's coefficient table (without <code>df</code> and <code>stars</code>) is compared "
                     "with <code>data/expected/&lt;model&gt;_coefficients.csv</code> by a Table Difference Checker "
                     f"(numbers to within {cmp['epsilon']:g}, row IDs ignored).</p>")
        return "Models: " + ", ".join(block["models"]), text

    def sample_text(self, sample: str) -> str:
        return {"all": "all 30 provinces, 2001-2021", "pre": "years before break_year",
                "post": "years from break_year on"}.get(sample, f"{sample} (NBS), 2001-2021")

    def _model_inputs(self, wf: Workflow, node: Node, mids: List[str], first_port: int = 1):
        outs = self.spec["panelkit_nodes"]["panel_regression"]["outputs"]
        p = first_port
        for mid in mids:
            reg = self.fitted[mid]
            self.connect(wf, reg, outs["coefficients"], node, p)
            self.connect(wf, reg, outs["statistics"], node, p + 1)
            p += 2

    def study_labels(self) -> str:
        """The study's variable labels as the Regression Table's / Coefficient Plot's text option."""
        return "\n".join(f"{term} = {label}" for term, label in self.spec["study"]["variable_labels"])

    def block_regression_table(self, wf: Workflow, block: dict):
        mids = block["models"]
        labels = [self.spec["models"][m]["label"] for m in mids]
        variables = [(["notes"], "data_note")]
        if block.get("model_labels_variable"):
            variables.append((["model_labels"], block["model_labels_variable"]))
        values = {"model_labels": "; ".join(labels), "title": block["title"], "variable_labels": self.study_labels()}
        values.update(self.spec["study"]["table_labels"])
        t = self.panelkit_node(wf, "regression_table", values, block["title"].split(":")[0], n_models=len(mids),
                               variables=variables)
        t.x, t.y = 0, 0
        self._model_inputs(wf, t, mids)
        if block.get("model_labels_variable"):
            columns = (f"the columns are labelled by the workflow-created variable "
                       f"<code>{_esc(block['model_labels_variable'])}</code> (the two periods around "
                       f"<code>break_year</code>, as reproduce labels them)")
        else:
            columns = "columns: " + _esc(", ".join(f"{m} = {l}" for m, l in zip(mids, labels)))
        tl = self.spec["study"]["table_labels"]
        text = ("<p>Regression Table: the models side by side as in the paper (estimate with stars, standard error "
                "in parentheses, fixed-effect rows, observations, within R²); " + columns + ". The variables carry "
                "the study's labels (option <em>Variable labels</em>: " + _esc(", ".join(
                    l for _, l in self.spec["study"]["variable_labels"][:3])) + ", ...), the rows "
                + _esc(", ".join(f'"{v}"' for v in tl.values())) + " and the note from the variable "
                "<code>data_note</code>: the same table as <code>./panelkit reproduce</code> writes to "
                "table*.csv/md/html/tex. Tick <em>Write files</em> to write it as Markdown, HTML, LaTeX and CSV "
                "(e.g. to <code>knime://knime.workflow/data/table1</code>, in the workflow's data folder).</p>")
        return block["title"], text

    def block_difference_test(self, wf: Workflow, block: dict):
        """The node fits the model itself on the panel, split at break_year (the flow variable), as `./panelkit
        reproduce` does (SubsampleComparison, pooled and suest); the block's models name the two subsamples."""
        mids = block["models"]
        controls = self.spec["study"]["controls"]
        m = self.spec["models"][mids[0]]
        x = [c for term in m["x"] for c in (controls if term == "controls" else [term])]
        src, port = self.sources["all"]
        st = self.spec["study"]
        t = self.panelkit_node(wf, "difference_test", {"y_column": "TU", "regressors": x, "entity_column": st["entity"],
                                                       "time_column": st["time"], "split_by": "BREAK_YEAR"},
                               f"{block['term']}: {mids[0]} vs {mids[1]}",
                               variables=[(["break_year"], "break_year")])
        t.x, t.y = 0, 0
        self.connect(wf, src, port, t, 1)
        text = (f"<p>Coefficient Difference Test: is the {block['term']} coefficient (and each control's) different "
                "before and after <code>break_year</code> (taken from the workflow variable)? The node fits the model "
                f"of {_esc(', '.join(mids))} (TU on {_esc(', '.join(x))}, province and year fixed effects) in both "
                "periods and tests b_after - b_before two ways, as <code>./panelkit reproduce</code>: the pooled model "
                "with every regressor and the year effects interacted with the period (clustered by province, t with "
                "G-1 df) and seemingly unrelated estimation (suest, normal). Outputs: differences, Wald tests per term "
                "and joint, the coefficients of the separate fits. Its standard errors stay clustered by province "
                "(the node offers CR1, CR0, HC1, HC0; <code>se_type</code> applies to the Panel Regression nodes).</p>")
        return f"Difference test: {block['term']} in {mids[0]} vs {mids[1]}", text

    def block_coefficient_plot(self, wf: Workflow, block: dict):
        mids = block["models"]
        labels = [self.spec["models"][m]["label"] for m in mids]
        t = self.panelkit_node(wf, "coefficient_plot", {"terms": list(block["terms"]),
                                                        "model_labels": "; ".join(labels), "title": block["title"],
                                                        "variable_labels": self.study_labels()},
                               "Coefficient plot", n_models=len(mids))
        t.x, t.y = 0, 0
        self._model_inputs(wf, t, mids)
        text = ("<p>Coefficient Plot: " + _esc(", ".join(block["terms"])) + " with 95% confidence intervals "
                "in " + _esc(", ".join(mids)) + " (a PNG image and the plotted points as a table).</p>")
        return "Coefficient plot: " + block["title"], text

    def block_mediation(self, wf: Workflow, block: dict):
        src, port = self.sources["all"]
        t = self.panelkit_node(wf, "mediation", {"treatment_column": block["treatment"],
                                                 "mediator_columns": block["mediators"],
                                                 "control_columns": self.spec["study"]["controls"]},
                               "Mediation: " + ", ".join(block["mediators"]))
        t.x, t.y = 0, 0
        self.connect(wf, src, port, t, 1)
        text = ("<p>Mediation Analysis for the channels " + ", ".join(block["mediators"]) + ": for each mediator M, "
                "M on IC and controls (path a) and TU on IC, M and controls (paths b and c'), with province and year "
                "fixed effects; Sobel test and a province-cluster bootstrap interval of the indirect effect a*b. "
                "The total effect c is Model 2.</p>")
        return "Mechanisms: mediation through " + ", ".join(block["mediators"]), text


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


def _text_height(html_text: str, width: int) -> int:
    """A generous estimate of the height an annotation's text needs at the default font (about 7 px per
    character, 19 px per line, headings taller)."""
    import math
    import re
    height = 16
    for tag, body in re.findall(r"<(h2|p)>(.*?)</\1>", html_text, flags=re.S):
        plain = re.sub(r"<[^>]+>", "", body)
        plain = html.unescape(plain)
        chars_per_line = max(20, (width - 40) // (11 if tag == "h2" else 7))
        height += (34 if tag == "h2" else 20) * max(1, math.ceil(len(plain) / chars_per_line)) + 4
    return height


def _put_setting(c: Config, s: ps.Setting, value, where: str):
    k = s.key
    if s.kind == "string":
        if not isinstance(value, str):
            raise GenerationError(f"{where}.{k}: string expected, got {value!r}")
        c.string(k, value)
    elif s.kind == "enum":
        if s.enum_values and value not in s.enum_values:
            raise GenerationError(f"{where}.{k}: {value!r} is not one of {s.enum_values}")
        c.string(k, value)
    elif s.kind == "boolean":
        c.bool_(k, value)
    elif s.kind == "int":
        c.int_(k, value)
    elif s.kind == "long":
        c.long_(k, value)
    elif s.kind == "double":
        c.double(k, value)
    elif s.kind == "string_array":
        c.string_array(k, list(value))
    elif s.kind == "column_filter":
        # org.knime.node.parameters.widget.choices.filter.ColumnFilter, field-based persistence (5.7)
        f = c.config(k)
        f.string("mode", "MANUAL")
        p = f.config("patternFilter")
        p.string("pattern", "")
        p.bool_("isCaseSensitive", False)
        p.bool_("isInverted", False)
        m = f.config("manualFilter")
        m.string_array("manuallySelected", list(value))
        m.string_array("manuallyDeselected", [])
        m.bool_("includeUnknownColumns", False)
        f.config("typeFilter").string_array("selectedTypes", [])
    elif s.kind == "group":
        g = c.config(k)
        for child in s.children:
            if child.key not in value:
                raise GenerationError(f"{where}.{k}: no value for '{child.key}'")
            _put_setting(g, child, value[child.key], where + "." + k)
    elif s.kind == "group_array":
        # an array of a NodeParameters class (@ArrayWidget): one sub-config per element, keys "0", "1", ...
        if not isinstance(value, list):
            raise GenerationError(f"{where}.{k}: list of elements expected, got {value!r}")
        a = c.config(k)
        for i, element in enumerate(value):
            group = ps.Setting(str(i), s.java_type, "group", children=s.children)
            _put_setting(a, group, element, f"{where}.{k}")
    else:
        raise GenerationError(f"{where}.{k}: unsupported kind {s.kind}")


def _release_version(v: str) -> str:
    """The version a released build records: major.minor.micro (the .qualifier is replaced at release)."""
    parts = (v.split(".") + ["0", "0", "0"])[:3]
    return ".".join(p if p.isdigit() else "0" for p in parts)


def _feature_includes(feature_xml: Path, plugin_id: str) -> bool:
    import xml.etree.ElementTree as ET
    return any(p.get("id") == plugin_id for p in ET.parse(feature_xml).getroot().iter("plugin"))


# ================================================================================================ serialization

def _timestamp(spec: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(spec["knime"]["timestamp"])


def settings_xml(node: Node) -> bytes:
    r = Config("settings.xml")
    r.string("node_file", "settings.xml")
    r.config("flow_stack")
    r.config("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory")
    r.add_config(node.model)
    if node.variables:
        v = r.config("variables")
        v.string("version", "V_2019_09_13")
        tree = v.config("tree")
        for path, var in node.variables:
            c = tree
            for key in path:
                c = c.sub(key) if c.has(key) else c.config(key)
            c.string("used_variable", var).string("exposed_variable", None)
    if node.label:
        a = r.config("nodeAnnotation")
        lines = node.label.split("\n")
        a.string("text", node.label).string("contentType", "text/plain").int_("bgcolor", 16777215)
        a.int_("x-coordinate", node.x - 44).int_("y-coordinate", node.y + 42)
        a.int_("width", 120).int_("height", 16 * len(lines)).string("alignment", "CENTER")
        a.int_("borderSize", 0).int_("borderColor", 16777215).int_("defFontSize", 11)
        a.int_("annotation-version", 20230412).config("styles")
    r.string("customDescription", None)
    r.string("state", "IDLE")
    r.string("factory", node.factory)
    r.string("node-name", node.name)
    b = node.bundle
    r.string("node-bundle-name", b[0]).string("node-bundle-symbolic-name", b[1])
    r.string("node-bundle-vendor", b[2]).string("node-bundle-version", b[3])
    f = node.feature or (None, None, None, "0.0.0")
    r.string("node-feature-name", f[0]).string("node-feature-symbolic-name", f[1])
    r.string("node-feature-vendor", f[2]).string("node-feature-version", f[3])
    r.config("factory_settings")
    if node.creation is not None:
        r.add_config(node.creation)
    r.string("name", node.name)
    r.bool_("hasContent", False)
    r.bool_("isInactive", False)
    ports = r.config("ports")
    for i in range(1, len(node.outs) + 1):
        ports.config(f"port_{i}").int_("index", i).string("port_dir_location", None)
    fs = r.config("filestores")
    fs.string("file_store_location", None).string("file_store_id", None)
    return to_xml(r)


def workflow_knime(wf: Workflow, spec: dict) -> bytes:
    k = spec["knime"]
    when = _timestamp(spec).strftime("%Y-%m-%d %H:%M:%S %z")
    r = Config("workflow.knime")
    r.string("created_by", k["version"])
    r.bool_("created_by_nightly", False)
    r.string("version", k["workflow_format"])
    r.string("name", None)
    a = r.config("authorInformation")
    a.string("authored-by", k["author"]).string("authored-when", when)
    a.string("lastEdited-by", k["author"]).string("lastEdited-when", when)
    r.string("customDescription", None)
    r.string("state", "IDLE")
    wv = r.config("workflow_variables")
    for i, v in enumerate(spec["variables"]):
        c = wv.config(f"Var_{i}")
        c.string("name", v["name"])
        if v["type"] == "String":
            c.string("class", "STRING").string("value", v["value"])
        elif v["type"] == "int":
            c.string("class", "INTEGER").int_("value", v["value"])
        elif v["type"] == "double":
            c.string("class", "DOUBLE").double("value", v["value"])
        else:
            raise GenerationError(f"workflow variable {v['name']}: type {v['type']} (String, int or double)")
    r.config("workflow_credentials")
    an = r.config("annotations")
    for i, (text, x, y, w, h, bg) in enumerate(wf.annotations):
        c = an.config(f"annotation_{i}")
        c.string("text", text).string("contentType", "text/html").int_("bgcolor", bg)
        c.int_("x-coordinate", x).int_("y-coordinate", y).int_("width", w).int_("height", h)
        c.string("alignment", "LEFT").int_("borderSize", 10 if i == 0 else 4)
        c.int_("borderColor", 16766976 if i == 0 else 12633286).int_("defFontSize", -1)
        c.int_("annotation-version", 20230412).config("styles")
    nodes = r.config("nodes")
    for n in wf.nodes:
        c = nodes.config(f"node_{n.id}")
        c.int_("id", n.id)
        c.string("node_settings_file", f"{n.folder}/settings.xml")
        c.bool_("node_is_meta", False)
        c.string("node_type", "NativeNode")
        c.string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation")
        c.config("ui_settings").int_array("extrainfo.node.bounds", [n.x, n.y, -1, -1])
    conns = r.config("connections")
    for i, (s, sp, d, dp) in enumerate(wf.connections):
        c = conns.config(f"connection_{i}")
        c.int_("sourceID", s).int_("destID", d).int_("sourcePort", sp).int_("destPort", dp)
        c.string("ui_classname", "org.knime.core.node.workflow.ConnectionUIInformation")
        c.config("ui_settings").int_("extrainfo.conn.bendpoints_size", 0)
    e = r.config("workflow_editor_settings")
    e.bool_("workflow.editor.snapToGrid", True).bool_("workflow.editor.ShowGrid", False)
    e.int_("workflow.editor.gridX", 20).int_("workflow.editor.gridY", 20)
    e.double("workflow.editor.zoomLevel", 1.0).bool_("workflow.editor.curvedConnections", True)
    e.int_("workflow.editor.connectionWidth", 2)
    return to_xml(r)


def workflowset_meta(spec: dict) -> bytes:
    when = _timestamp(spec).strftime("%Y-%m-%d %H:%M:%S %z")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!--This file is auto-generated and is overwritten each time the workflow is saved.\n'
            '    The metadata have moved to the `workflow-metadata.xml` file.-->\n'
            '<KNIMEMetaInfo nrOfElements="2" xmlns="http://www.knime.org/2.9/metainfo">\n'
            '    <element form="multiline" name="Comments" read-only="false"/>\n'
            f'    <element form="text" name="Last Edited" read-only="true">{when}</element>\n'
            '</KNIMEMetaInfo>').encode("utf-8")


def workflow_metadata(wf: Workflow, spec: dict) -> bytes:
    ts = _timestamp(spec).isoformat(timespec="milliseconds")
    e = _esc
    tags = "".join(f"\n        <tag>{e(t)}</tag>" for t in wf.tags)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<workflow-metadata content-type="text/plain" xmlns="http://www.knime.org/core/node/workflow/metadata/v1.0">\n'
            f'    <author>{e(spec["knime"]["author"])}</author>\n'
            f'    <created>{ts}</created>\n'
            f'    <last-modified>{ts}</last-modified>\n'
            f'    <description>{e(wf.title)}. {e(wf.description)}</description>\n'
            f'    <tags>{tags}\n    </tags>\n'
            '    <links>\n'
            '        <link href="https://doi.org/10.23977/ieim.2025.080215">The study (Huang 2025)</link>\n'
            '    </links>\n'
            '</workflow-metadata>\n').encode("utf-8")


def workflow_files(wf: Workflow, spec: dict) -> Dict[str, bytes]:
    """Every file of the workflow folder, by relative path."""
    files: Dict[str, bytes] = {
        "workflow.knime": workflow_knime(wf, spec),
        "workflowset.meta": workflowset_meta(spec),
        "workflow-metadata.xml": workflow_metadata(wf, spec),
        "data/synthetic_study_raw.csv": (ROOT / spec["study"]["raw_data"]).read_bytes(),
    }
    for n in wf.nodes:
        files[f"{n.folder}/settings.xml"] = settings_xml(n)
    for mid in wf.expected:
        files[f"data/expected/{mid}_coefficients.csv"] = (ROOT / spec["study"]["expected_dir"] /
                                                          f"{mid}_coefficients.csv").read_bytes()
    return dict(sorted(files.items()))


def knwf_bytes(folder: str, files: Dict[str, bytes], spec: dict) -> bytes:
    """The .knwf archive: a zip whose single top-level entry is the workflow folder (what KNIME's export writes
    and what File > Import KNIME Workflow and the batch executor's -workflowFile expect). Directory entries
    included; fixed timestamps and permissions; entries sorted."""
    import io
    t = _timestamp(spec)
    date_time = (t.year, t.month, t.day, t.hour, t.minute, t.second)
    dirs = {folder + "/"}
    for path in files:
        parts = path.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add(folder + "/" + "/".join(parts[:i]) + "/")
    entries = sorted([(d, None) for d in dirs] + [(f"{folder}/{p}", b) for p, b in files.items()])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time)
            zi.create_system = 3
            if data is None:
                zi.external_attr = (0o40755 << 16) | 0x10
                zi.compress_type = zipfile.ZIP_STORED
                z.writestr(zi, b"")
            else:
                zi.external_attr = 0o100644 << 16
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buf.getvalue()


# ================================================================================================ main

def load_spec() -> dict:
    return json.loads(SPEC_FILE.read_text(encoding="utf-8"))


def generate(out: Path, allow_provisional: bool, log=print) -> List[str]:
    """Writes every workflow under out; returns the list of warnings (provisional nodes)."""
    spec = load_spec()
    b = Builder(spec, allow_provisional)
    built = [(b.build(w), False) for w in spec["workflows"]] + [(b.build(w, True), True) for w in spec["workflows"]]
    warnings = []
    if b.provisional_used:
        msg = ["PanelKit node factories referenced by the workflows but not registered in "
               "bundles/org.panelkit.knime/plugin.xml:"]
        for f, src in sorted(b.provisional_used.items()):
            msg.append(f"  {f}  (settings keys: {src if src != 'sources exist' else 'from its sources'})")
        if not allow_provisional:
            raise GenerationError("\n".join(msg + ["Register them (or fix workflows.json), or run with "
                                                   "--allow-provisional to write the workflows anyway."]))
        warnings.extend(msg)
    out.mkdir(parents=True, exist_ok=True)
    for wf, testflow in built:
        files = workflow_files(wf, spec)
        parent = out / TESTFLOWS if testflow else out
        target = parent / wf.folder
        if target.exists():
            shutil.rmtree(target)
        for path, data in files.items():
            p = target / path
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        if testflow:
            log(f"wrote {target} (testflow: {len(wf.nodes)} nodes, {len(wf.connections)} connections)")
        else:
            (out / f"{wf.folder}.knwf").write_bytes(knwf_bytes(wf.folder, files, spec))
            log(f"wrote {target} ({len(wf.nodes)} nodes, {len(wf.connections)} connections) and {wf.folder}.knwf")
    return warnings


def refresh_expected(reproduce_out: Path, spec: dict):
    models = reproduce_out / "models"
    target = ROOT / spec["study"]["expected_dir"]
    target.mkdir(parents=True, exist_ok=True)
    for mid in spec["models"]:
        src = models / f"{mid}_coefficients.csv"
        if not src.is_file():
            raise GenerationError(f"{src} missing: run ./panelkit reproduce --out {reproduce_out} first")
        shutil.copyfile(src, target / src.name)
        print(f"expected: {src} -> {target / src.name}")
    for table in REGRESSION_TABLES:
        src = reproduce_out / table
        if not src.is_file():
            raise GenerationError(f"{src} missing: run ./panelkit reproduce --out {reproduce_out} first")
        shutil.copyfile(src, target / table)
        print(f"expected: {src} -> {target / table}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "workflows", help="output folder (default: workflows/)")
    ap.add_argument("--expected", type=Path, help="refresh the expected tables from `./panelkit reproduce --out DIR`")
    ap.add_argument("--allow-provisional", action="store_true",
                    help="generate even if PanelKit factories are not registered in plugin.xml yet")
    args = ap.parse_args(argv)
    try:
        if args.expected:
            refresh_expected(args.expected, load_spec())
        warnings = generate(args.out, args.allow_provisional)
    except (GenerationError, ps.SourceError) as e:
        print(f"generate.py: error: {e}", file=sys.stderr)
        return 1
    for w in warnings:
        print("WARNING: " + w, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
