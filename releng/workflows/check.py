#!/usr/bin/env python3
"""Validates the example KNIME workflows in workflows/ without KNIME.

    python3 releng/workflows/check.py [--allow-provisional] [--no-regenerate] [DIR]

Checks, for every workflow listed in releng/workflows/workflows.json:
  1. every workflow.knime and settings.xml is well-formed XML in KNIME's config format (XMLConfig namespace,
     <config>/<entry> only, known entry types, unique keys, consistent arrays) with the keys KNIME 5.x writes and
     reads: workflow.knime (created_by, version, authorInformation, state, workflow_variables, nodes,
     connections, annotations, ...), settings.xml (node_file, flow_stack, internal_node_subsettings, model,
     factory, node-name, node-bundle-*, node-feature-*, factory_settings, name, hasContent, isInactive, ports,
     filestores, ...); workflowset.meta and workflow-metadata.xml;
  2. every node's factory is one of KNIME's own factory classes known here (checked against KNIME's plugin.xml
     files at tag analytics-platform/5.7.0) with the model keys that node reads, or a factory registered in
     bundles/org.panelkit.knime/plugin.xml;
  3. every PanelKit node's model settings hold exactly the keys of its NodeParameters class (read from the
     sources in bundles/org.panelkit.knime), with the types KNIME persists them as, and enum values that exist;
     its port counts match the NodeModel constructor; a node whose factory declares port groups
     (ConfigurableNodeFactory: Regression Table, Coefficient Plot) has exactly those groups in node_creation_config,
     the models connected to its extendable input group;
  4. node folders are named as KNIME names them ("Node Name (#id)", other characters than letters, digits and
     blanks as "_"); connections reference existing nodes and ports of matching types, no input port has two
     connections, every required input is connected, the graph has no cycle;
  5. flow-variable overrides name settings that exist and variables that the workflow defines or a node creates;
     the workflow variables data_path, break_year and se_type exist with the documented types;
  6. columns: the table columns are followed through the workflow (CSV header, Expression outputs, Location
     Quotient outputs, Column Filter, regression outputs) so that every column a node refers to exists, and both
     inputs of every Table Difference Checker have the same columns, all configured;
  7. the embedded data equal workflows/data/synthetic_study_raw.csv and releng/workflows/expected/;
  8. every .knwf holds exactly the files of its folder (under one top-level folder of the same name);
     the user-facing workflows hold no KNIME Testing Framework node and no expected tables (a default KNIME
     install plus PanelKit runs them); each has a testflow testflows/<folder> (checked the same way) with a Table
     Difference Checker per expected table;
  9. regenerating with generate.py gives byte-identical files (skip with --no-regenerate).

Exit code 0 when everything holds, 1 otherwise (every problem is listed). PanelKit nodes that are not registered
in plugin.xml yet are reported as PENDING; with --allow-provisional they do not fail the check.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(HERE))

import panelkit_source as ps  # noqa: E402
from knimexml import Config, FormatError, parse_xml  # noqa: E402

ROOT = HERE.parents[1]
TESTFLOWS = "testflows"  # workflows/testflows/<folder>: the example plus Table Difference Checkers
KNIME_BUNDLE = ROOT / "bundles" / "org.panelkit.knime"
SUPPORT_BUNDLE = ROOT / "bundles" / "org.panelkit.knime.support"

# ----------------------------------------------------------------------------------------------------------------
# KNIME's own nodes used by the workflows: factory -> (node name, bundle symbolic name, inputs, outputs,
# model keys the node's loadValidatedSettingsFrom requires). Port kinds: table, flowvariable, flowvariable?
# (optional). Researched in knime-base / knime-base-expressions / knime-core at analytics-platform/5.7.0.
KNIME_FACTORIES = {
    "org.knime.base.node.io.filehandling.csv.reader.CSVTableReaderNodeFactory": (
        "CSV Reader", "org.knime.base", [], ["table"],
        {"settings", "advanced_settings", "limit_rows", "encoding"}),
    "org.knime.base.node.preproc.filter.column.DataColumnSpecFilterNodeFactory": (
        "Column Filter", "org.knime.base", ["table"], ["table"], {"column-filter"}),
    "org.knime.base.expressions.node.row.mapper.ExpressionRowMapperNodeFactory": (
        "Expression", "org.knime.base.expressions", ["table"], ["table"],
        {"script", "columnOutputMode", "createdColumn", "replacedColumn", "languageVersion",
         "builtinFunctionsVersion", "builtinAggregationsVersion"}),
    "org.knime.base.expressions.node.row.filter.ExpressionRowFilterNodeFactory": (
        "Expression Row Filter", "org.knime.base.expressions", ["table"], ["table"],
        {"script", "languageVersion", "builtinFunctionsVersion", "builtinAggregationsVersion"}),
    "org.knime.base.expressions.node.variable.ExpressionFlowVariableNodeFactory": (
        "Variable Expression", "org.knime.base.expressions", ["flowvariable?"], ["flowvariable"],
        {"languageVersion", "builtinFunctionsVersion", "builtinAggregationsVersion", "additionalExpressions"}),
    "org.knime.filehandling.utility.nodes.stringtopath.variable.StringToPathVariableNodeFactory": (
        "String to Path (Variable)", "org.knime.filehandling.utility.nodes", ["flowvariable"], ["flowvariable"],
        {"variable_filter", "suffix", "file_system", "fail_on_missing_file_folder"}),
    "org.knime.testing.internal.nodes.differ.DifferenceCheckerNodeFactory": (
        "Table Difference Checker", "org.knime.testing", ["table", "table"], [], set()),
}
KNOWN_CHECKERS = {"org.knime.testing.internal.diffcheckers.EqualityChecker$Factory",
                  "org.knime.testing.internal.diffcheckers.EpsilonNumberChecker$Factory",
                  "org.knime.testing.internal.diffcheckers.IgnoreChecker$Factory"}

WORKFLOW_KEYS_REQUIRED = ["created_by", "created_by_nightly", "version", "name", "authorInformation",
                          "customDescription", "state", "workflow_credentials", "nodes", "connections"]
WORKFLOW_KEYS_OPTIONAL = {"workflow_variables", "annotations", "workflow_editor_settings", "tableBackend"}
SETTINGS_KEYS_REQUIRED = ["node_file", "flow_stack", "internal_node_subsettings", "model", "customDescription",
                          "state", "factory", "node-name", "node-bundle-name", "node-bundle-symbolic-name",
                          "node-bundle-vendor", "node-bundle-version", "node-feature-name",
                          "node-feature-symbolic-name", "node-feature-vendor", "node-feature-version",
                          "factory_settings", "name", "hasContent", "isInactive", "ports", "filestores"]
SETTINGS_KEYS_OPTIONAL = {"variables", "nodeAnnotation", "node_creation_config", "view", "view_variables",
                          "factory-id-uniquifier"}
ANNOTATION_KEYS = ["text", "contentType", "bgcolor", "x-coordinate", "y-coordinate", "width", "height",
                   "alignment", "borderSize", "borderColor", "defFontSize", "annotation-version", "styles"]
WORKFLOW_FORMATS = {"4.1.0", "4.2.0", "4.3.0", "4.4.0", "5.0.0", "5.1.0"}  # LoadVersion strings KNIME 5.7 writes/reads
REQUIRED_VARIABLES = {"data_path": "STRING", "break_year": "INTEGER", "se_type": "STRING"}
KIND_ENTRY = {"string": "xstring", "enum": "xstring", "boolean": "xboolean", "int": "xint", "long": "xlong",
              "double": "xdouble"}


class Report:
    def __init__(self):
        self.errors: List[str] = []
        self.pending: List[str] = []
        self.pending_factories: Set[str] = set()
        self.checked = 0

    def error(self, where: str, msg: str):
        self.errors.append(f"{where}: {msg}")

    def require(self, cond: bool, where: str, msg: str) -> bool:
        self.checked += 1
        if not cond:
            self.error(where, msg)
        return cond


def knime_folder_name(node_name: str, node_id: int) -> str:
    return re.sub(r"[^a-zA-Z0-9 ]", "_", node_name) + f" (#{node_id})"


def _type_of(c: Config, key: str) -> Optional[str]:
    v = c.get(key)
    if v is None:
        return None
    return "config" if isinstance(v, Config) else v.type


# ================================================================================================ per workflow

class WorkflowCheck:
    def __init__(self, folder: Path, spec: dict, rep: Report, registered: Set[str], testflow: bool = False):
        self.dir = folder
        self.testflow = testflow
        self.name = (TESTFLOWS + "/" if testflow else "") + folder.name
        self.spec = spec
        self.rep = rep
        self.registered = registered
        self.nodes: Dict[int, dict] = {}

    def where(self, *parts) -> str:
        return "/".join([self.name] + [str(p) for p in parts])

    def load(self, rel: str) -> Optional[Config]:
        p = self.dir / rel
        if not p.is_file():
            self.rep.error(self.where(rel), "missing")
            return None
        try:
            return parse_xml(p.read_bytes(), self.where(rel))
        except FormatError as e:
            self.rep.error(self.where(rel), str(e))
            return None

    # ---------------------------------------------------------------------------------------- workflow.knime
    def run(self):
        wk = self.load("workflow.knime")
        if wk is None:
            return
        r, w = self.rep, self.where("workflow.knime")
        r.require(wk.key == "workflow.knime", w, f"root key is {wk.key!r}")
        keys = wk.keys()
        for k in WORKFLOW_KEYS_REQUIRED:
            r.require(k in keys, w, f"key '{k}' missing")
        for k in keys:
            r.require(k in WORKFLOW_KEYS_REQUIRED or k in WORKFLOW_KEYS_OPTIONAL, w, f"unexpected key '{k}'")
        if "version" in keys:
            r.require(wk.value("version") in WORKFLOW_FORMATS, w, f"workflow format {wk.value('version')!r}")
        if "created_by" in keys:
            r.require(re.fullmatch(r"5\.\d+\.\d+(\.\S+)?", wk.value("created_by") or "") is not None, w,
                      f"created_by {wk.value('created_by')!r} is not a KNIME 5.x version")
        if wk.has("authorInformation"):
            ai = wk.sub("authorInformation")
            for k in ("authored-by", "authored-when", "lastEdited-by", "lastEdited-when"):
                r.require(ai.has(k), w, f"authorInformation/{k} missing")
        r.require(wk.value("state") in ("IDLE", "CONFIGURED", "EXECUTED"), w, f"state {wk.value('state')!r}")
        self.variables = self.check_variables(wk, w)
        if wk.has("annotations"):
            for i, a in enumerate(wk.sub("annotations").configs()):
                r.require(a.key == f"annotation_{i}", w, f"annotation key {a.key}")
                r.require(a.keys() == ANNOTATION_KEYS, w, f"{a.key} keys {a.keys()}")
                r.require(a.value("contentType") in ("text/plain", "text/html"), w, f"{a.key} content type")
        if wk.has("workflow_editor_settings"):
            es = wk.sub("workflow_editor_settings")
            for k in ("workflow.editor.snapToGrid", "workflow.editor.ShowGrid", "workflow.editor.gridX",
                      "workflow.editor.gridY", "workflow.editor.zoomLevel"):
                r.require(es.has(k), w, f"workflow_editor_settings/{k} missing")
        for nc in wk.sub("nodes").configs() if wk.has("nodes") else []:
            self.check_node_entry(nc, w)
        self.check_connections(wk, w)
        self.check_testing_nodes(w)
        self.check_columns()
        self.check_metadata()

    def check_variables(self, wk: Config, w: str) -> Dict[str, str]:
        r = self.rep
        out: Dict[str, str] = {}
        if not r.require(wk.has("workflow_variables"), w, "no workflow_variables"):
            return out
        for i, v in enumerate(wk.sub("workflow_variables").configs()):
            r.require(v.key == f"Var_{i}", w, f"workflow variable key {v.key}")
            r.require(v.keys() == ["name", "class", "value"], w, f"{v.key} keys {v.keys()}")
            cls = v.value("class")
            etype = {"STRING": "xstring", "INTEGER": "xint", "DOUBLE": "xdouble"}.get(cls)
            r.require(etype is not None and _type_of(v, "value") == etype, w,
                      f"variable {v.value('name')}: class {cls} with a {_type_of(v, 'value')} value")
            out[v.value("name")] = cls
        for name, cls in REQUIRED_VARIABLES.items():
            r.require(out.get(name) == cls, w, f"workflow variable {name} ({cls}) missing")
        return out

    # ---------------------------------------------------------------------------------------- nodes
    def check_node_entry(self, nc: Config, w: str):
        r = self.rep
        keys = ["id", "node_settings_file", "node_is_meta", "node_type", "ui_classname", "ui_settings"]
        if not r.require(nc.keys() == keys, w, f"{nc.key} keys {nc.keys()} (expected {keys})"):
            return
        nid = int(nc.value("id"))
        r.require(nc.key == f"node_{nid}", w, f"{nc.key} holds id {nid}")
        r.require(nid not in self.nodes, w, f"node id {nid} twice")
        r.require(nc.value("node_is_meta") == "false" and nc.value("node_type") == "NativeNode", w,
                  f"node {nid} is not a native node")
        r.require(nc.value("ui_classname") == "org.knime.core.node.workflow.NodeUIInformation", w,
                  f"node {nid} ui_classname")
        try:
            bounds = nc.sub("ui_settings").array("extrainfo.node.bounds")
            r.require(len(bounds) == 4, w, f"node {nid} bounds {bounds}")
        except (KeyError, ValueError):
            r.error(w, f"node {nid}: ui_settings/extrainfo.node.bounds missing")
        rel = nc.value("node_settings_file")
        folder, _, file = rel.rpartition("/")
        r.require(file == "settings.xml" and "/" not in folder, w, f"node {nid} settings file {rel!r}")
        s = self.load(rel)
        if s is None:
            return
        info = self.check_settings(nid, folder, s)
        if info:
            self.nodes[nid] = info

    def check_settings(self, nid: int, folder: str, s: Config) -> Optional[dict]:
        r = self.rep
        w = self.where(folder, "settings.xml")
        r.require(s.key == "settings.xml", w, f"root key {s.key!r}")
        keys = s.keys()
        for k in SETTINGS_KEYS_REQUIRED:
            if not r.require(k in keys, w, f"key '{k}' missing"):
                return None
        for k in keys:
            r.require(k in SETTINGS_KEYS_REQUIRED or k in SETTINGS_KEYS_OPTIONAL, w, f"unexpected key '{k}'")
        r.require(s.value("node_file") == "settings.xml", w, "node_file")
        r.require(s.sub("internal_node_subsettings").value("memory_policy") in
                  ("CacheSmallInMemory", "CacheInMemory", "CacheOnDisc"), w, "memory_policy")
        r.require(s.value("state") in ("IDLE", "CONFIGURED", "EXECUTED"), w, f"state {s.value('state')!r}")
        factory, name = s.value("factory"), s.value("node-name")
        r.require(s.value("name") == name, w, "name differs from node-name")
        r.require(folder == knime_folder_name(name, nid), w,
                  f"folder {folder!r} should be {knime_folder_name(name, nid)!r}")
        for k in ("node-bundle-version", "node-feature-version"):
            r.require(re.fullmatch(r"\d+\.\d+\.\d+(\.\S+)?", s.value(k) or "") is not None, w, f"{k} {s.value(k)!r}")
        fs = s.sub("filestores")
        r.require(fs.keys() == ["file_store_location", "file_store_id"], w, "filestores keys")
        if s.has("nodeAnnotation"):
            r.require(s.sub("nodeAnnotation").keys() == ANNOTATION_KEYS, w, "nodeAnnotation keys")
        model = s.sub("model")
        info = {"id": nid, "factory": factory, "name": name, "model": model, "where": w, "settings": s}
        if factory in KNIME_FACTORIES:
            kname, bundle, ins, outs, model_keys = KNIME_FACTORIES[factory]
            r.require(name == kname, w, f"node-name {name!r}, KNIME names this node {kname!r}")
            r.require(s.value("node-bundle-symbolic-name") == bundle, w, f"bundle {s.value('node-bundle-symbolic-name')}")
            missing = model_keys - set(model.keys())
            r.require(not missing, w, f"model keys {sorted(missing)} missing")
            info["ins"], info["outs"] = ins, outs
            getattr(self, "model_" + _short(factory), lambda i: None)(info)
        else:
            self.check_panelkit(info)
            if "ins" not in info:
                return None
        ports = s.sub("ports")
        exp = [f"port_{i}" for i in range(1, len(info["outs"]) + 1)]
        r.require(ports.keys() == exp, w, f"ports {ports.keys()}, expected {exp}")
        for p in ports.configs():
            r.require(p.keys()[:1] == ["index"] and p.value("index") == p.key[5:], w, f"ports/{p.key} index")
            r.require("port_dir_location" in p.keys(), w, f"ports/{p.key}/port_dir_location missing")
        self.check_variable_overrides(info)
        return info

    def check_panelkit(self, info: dict):
        r, w, factory = self.rep, info["where"], info["factory"]
        pk = {d["factory"]: (k, d) for k, d in self.spec["panelkit_nodes"].items() if not k.startswith("_")}
        if factory not in pk:
            r.error(w, f"factory {factory} is neither a known KNIME factory nor described in workflows.json")
            return
        key, d = pk[factory]
        s = info["settings"]
        if factory not in self.registered:
            self.rep.pending.append(f"{w}: {factory} is not registered in bundles/org.panelkit.knime/plugin.xml")
            self.rep.pending_factories.add(factory)
        r.require(s.value("node-bundle-symbolic-name") == "org.panelkit.knime", w, "bundle symbolic name")
        declared = ps.factory_node_name(KNIME_BUNDLE / "src/main/java" / (factory.replace(".", "/") + ".java"),
                                        [KNIME_BUNDLE / "src/main/java", SUPPORT_BUNDLE / "src/main/java"])
        if declared is not None:
            r.require(info["name"] == declared, w, f"node-name {info['name']!r}, the factory names the node {declared!r}")
        params = ROOT / d["parameters"]
        if params.is_file():
            try:
                settings = ps.parameter_settings(params)
            except ps.SourceError as e:
                r.error(w, f"cannot read {d['parameters']}: {e}")
                return
            self.check_parameter_model(info["model"], settings, w)
            counts = ps.model_port_counts(ROOT / d["model"])
            n_in, n_out = _declared_ports(d, info)
            if counts is not None:
                r.require(counts == (n_in, n_out) or isinstance(d["in"], str), w,
                          f"ports in/out {n_in}/{n_out}, {d['model']} declares {counts[0]}/{counts[1]}")
            self.check_port_groups(d, info)
        else:
            self.rep.pending.append(f"{w}: {d['parameters']} does not exist: settings keys unchecked "
                                    f"(provisional in workflows.json)")
            n_in, n_out = _declared_ports(d, info)
        if isinstance(d["in"], list):  # "table_optional": an optional input, need not be connected
            info["ins"] = [t.replace("_optional", "?") for t in d["in"]]
        else:
            info["ins"] = ["table"] * n_in
        info["outs"] = list(d["out"])
        info["pk"] = (key, d)

    def check_port_groups(self, d: dict, info: dict):
        """A ConfigurableNodeFactory (ports declared by a PortsConfigurationBuilder): node_creation_config holds one
        config per port group of the factory source, in its order (KNIME saves them all); the extendable input group
        is the one workflows.json connects the models to; the fixed output groups give the output ports."""
        r, w, s = self.rep, info["where"], info["settings"]
        src = KNIME_BUNDLE / "src/main/java" / (d["factory"].replace(".", "/") + ".java")
        try:
            groups = ps.factory_port_groups(src, [KNIME_BUNDLE / "src/main/java", SUPPORT_BUNDLE / "src/main/java"])
        except ps.SourceError as e:
            r.error(w, str(e))
            return
        if groups is None:
            r.require(not s.has("node_creation_config"), w, f"node_creation_config, but {src.name} declares no port "
                                                            f"groups")
            return
        names = [g[1] for g in groups]
        if not r.require(s.has("node_creation_config"), w, f"node_creation_config missing ({src.name} declares "
                                                           f"the port groups {names})"):
            return
        cc = s.sub("node_creation_config")
        r.require(cc.keys() == names, w, f"node_creation_config groups {cc.keys()}, {src.name} declares {names}")
        extendable_in = [g[1] for g in groups if g[0] == "addExtendableInputPortGroup"]
        r.require(extendable_in == ([d["port_group"]] if d.get("port_group") else []), w,
                  f"extendable input groups {extendable_in} in {src.name}, workflows.json connects to "
                  f"{d.get('port_group')!r}")
        outs = sum(g[2] for g in groups if "Output" in g[0])
        r.require(outs == len(d["out"]), w, f"{len(d['out'])} outputs in workflows.json, {src.name} declares {outs}")
        for g in groups:
            if g[1] in cc.keys() and not g[0].startswith("addExtendable") and not g[0].startswith("addOptional"):
                r.require(not cc.sub(g[1]).keys(), w, f"node_creation_config/{g[1]}: a fixed group holds ports")

    def check_parameter_model(self, model: Config, settings: List[ps.Setting], w: str):
        r = self.rep
        r.require(model.keys() == [s.key for s in settings], w,
                  f"model keys {model.keys()} != NodeParameters keys {[s.key for s in settings]}")
        for s in settings:
            if not model.has(s.key):
                continue
            t = _type_of(model, s.key)
            if s.kind in KIND_ENTRY:
                if r.require(t == KIND_ENTRY[s.kind], w, f"model/{s.key} is {t}, expected {KIND_ENTRY[s.kind]}"):
                    if s.kind == "enum":
                        r.require(model.value(s.key) in s.enum_values, w,
                                  f"model/{s.key} = {model.value(s.key)!r} not in {s.enum_values}")
            elif s.kind == "string_array":
                if r.require(t == "config", w, f"model/{s.key} is not a string array"):
                    c = model.sub(s.key)
                    r.require(all(_type_of(c, k) in ("xstring", "xint") for k in c.keys()), w, f"{s.key} array")
            elif s.kind == "column_filter":
                if not r.require(t == "config", w, f"model/{s.key} is not a ColumnFilter config"):
                    continue
                f = model.sub(s.key)
                r.require(f.keys() == ["mode", "patternFilter", "manualFilter", "typeFilter"], w,
                          f"model/{s.key} keys {f.keys()}")
                r.require(f.value("mode") in ("MANUAL", "REGEX", "WILDCARD", "TYPE"), w, f"{s.key}/mode")
                r.require(f.sub("patternFilter").keys() == ["pattern", "isCaseSensitive", "isInverted"], w,
                          f"{s.key}/patternFilter keys")
                r.require(f.sub("manualFilter").keys() == ["manuallySelected", "manuallyDeselected",
                                                           "includeUnknownColumns"], w, f"{s.key}/manualFilter")
                r.require(f.sub("typeFilter").keys() == ["selectedTypes"], w, f"{s.key}/typeFilter keys")
            elif s.kind == "group":
                if r.require(t == "config", w, f"model/{s.key} is not a config"):
                    self.check_parameter_model(model.sub(s.key), s.children, w + "/" + s.key)
            elif s.kind == "group_array":
                if r.require(t == "config", w, f"model/{s.key} is not a config"):
                    a = model.sub(s.key)
                    r.require(a.keys() == [str(i) for i in range(len(a.keys()))], w,
                              f"model/{s.key}: elements {a.keys()}, expected 0, 1, ...")
                    for i in a.keys():
                        if r.require(_type_of(a, i) == "config", w, f"model/{s.key}/{i} is not a config"):
                            self.check_parameter_model(a.sub(i), s.children, f"{w}/{s.key}/{i}")

    def check_variable_overrides(self, info: dict):
        s, r, w = info["settings"], self.rep, info["where"]
        if not s.has("variables"):
            return
        v = s.sub("variables")
        if not r.require(v.value("version") == "V_2019_09_13" and v.has("tree"), w, "variables: version/tree"):
            return
        known = set(self.variables) | self.created_variables()
        for path, item in v.sub("tree").walk():
            if isinstance(item, Config) and item.has("used_variable"):
                r.require(item.keys() == ["used_variable", "exposed_variable"], w, f"variables/{path} keys")
                target = info["model"]
                ok = True
                for k in path.split("/"):
                    ok = ok and isinstance(target, Config) and target.has(k)
                    target = target.get(k) if ok else None
                r.require(ok, w, f"flow variable override of model/{path}, which does not exist")
                used = item.value("used_variable")
                r.require(used in known, w, f"override uses variable {used!r}, which nobody defines")

    def created_variables(self) -> Set[str]:
        """Variables created by Variable Expression and String to Path nodes (all of them, anywhere: the
        connection check makes sure the override is downstream)."""
        out = set()
        for folder in self.dir.iterdir():
            p = folder / "settings.xml"
            if not p.is_file():
                continue
            try:
                s = parse_xml(p.read_bytes())
            except FormatError:
                continue
            f, m = s.value("factory"), s.sub("model")
            if f.endswith("ExpressionFlowVariableNodeFactory"):
                out |= {e.value("createdFlowVariable") for e in m.sub("additionalExpressions").configs()}
            elif f.endswith("StringToPathVariableNodeFactory"):
                out |= {n + m.value("suffix") for n in m.sub("variable_filter").array("included_names")}
        return out

    # ---------------------------------------------------------------------------------------- KNIME node models
    def model_CSVTableReaderNodeFactory(self, info):
        m, r, w = info["model"], self.rep, info["where"]
        st = m.sub("settings")
        fs = st.sub("file_selection")
        r.require(st.has("file_selection_Internals"), w, "file_selection_Internals missing")
        for k in ("file_system_chooser__Internals", "path", "filter_mode_Internals", "filter_mode"):
            r.require(fs.has(k), w, f"settings/file_selection/{k} missing")
        internals = fs.sub("file_system_chooser__Internals")
        for k in ("has_fs_port", "overwritten_by_variable", "convenience_fs_category", "relative_to", "mountpoint",
                  "spaceId", "spaceName", "custom_url_timeout", "connected_fs"):
            r.require(internals.has(k), w, f"file_system_chooser__Internals/{k} missing")
        p = fs.sub("path")
        r.require(p.keys() in (["location_present", "file_system_type", "file_system_specifier", "path"],
                               ["location_present", "file_system_type", "path"]), w, f"path keys {p.keys()}")
        for k in ("has_column_header", "has_row_id", "support_short_data_rows", "skip_empty_data_rows",
                  "comment_char", "column_delimiter", "quote_char", "quote_escape_char", "row_delimiter",
                  "autodetect_buffer_size"):
            r.require(st.has(k), w, f"settings/{k} missing")
        adv = m.sub("advanced_settings")
        for k in ("fail_on_differing_specs", "limit_data_rows_scanned", "max_data_rows_scanned", "quote_option",
                  "replace_empty_quotes_with_missing", "limit_memory_per_column", "maximum_number_of_columns"):
            r.require(adv.has(k), w, f"advanced_settings/{k} missing")
        for k in ("skip_lines", "number_of_lines_to_skip", "skip_data_rows", "number_of_rows_to_skip",
                  "limit_data_rows", "max_rows"):
            r.require(m.sub("limit_rows").has(k), w, f"limit_rows/{k} missing")
        r.require(m.sub("encoding").has("charset"), w, "encoding/charset missing")
        r.require(info["settings"].has("node_creation_config"), w, "node_creation_config missing")
        url = p.value("path")
        info["url"] = url
        if p.value("file_system_type") == "CUSTOM_URL" and url.startswith("knime://knime.workflow/"):
            target = self.dir / url[len("knime://knime.workflow/"):]
            r.require(target.is_file(), w, f"{url} does not exist in the workflow folder")

    def model_DataColumnSpecFilterNodeFactory(self, info):
        f, r, w = info["model"].sub("column-filter"), self.rep, info["where"]
        r.require(f.keys() == ["filter-type", "included_names", "excluded_names", "enforce_option", "name_pattern",
                               "datatype"], w, f"column-filter keys {f.keys()}")
        r.require(f.value("filter-type") == "STANDARD", w, "column filter type")
        r.require(f.value("enforce_option") in ("EnforceInclusion", "EnforceExclusion"), w, "enforce_option")

    def _expressions(self, info, key_script="script"):
        m = info["model"]
        out = []
        if m.has("script"):
            out.append((m.value("createdColumn") if m.has("createdColumn") else None, m.value("script")))
        if m.has("additionalExpressions"):
            for i, e in enumerate(m.sub("additionalExpressions").configs()):
                self.rep.require(e.key == str(i), info["where"], f"additionalExpressions/{e.key}")
                out.append((e.value("createdColumn") if e.has("createdColumn") else e.value("createdFlowVariable"),
                            e.value("script")))
        for name, script in out:
            self.rep.require(_balanced(script), info["where"], f"expression {script!r} has unbalanced brackets")
        return out

    def model_ExpressionRowMapperNodeFactory(self, info):
        m = info["model"]
        self.rep.require(m.value("columnOutputMode") in ("APPEND", "REPLACE_EXISTING"), info["where"], "output mode")
        info["expressions"] = self._expressions(info)

    def model_ExpressionRowFilterNodeFactory(self, info):
        info["expressions"] = self._expressions(info)

    def model_ExpressionFlowVariableNodeFactory(self, info):
        for e in info["model"].sub("additionalExpressions").configs():
            self.rep.require(e.keys() == ["script", "outputMode", "createdFlowVariable", "replacedFlowVariable",
                                          "flowVariableReturnType"], info["where"], f"variable expression {e.key}")
        info["expressions"] = self._expressions(info)

    def model_StringToPathVariableNodeFactory(self, info):
        m, r, w = info["model"], self.rep, info["where"]
        for k in ("on_fv_conflict_make_unique_Internals", "suffix_Internals", "file_system_Internals",
                  "fail_on_missing_file_folder_Internals"):
            r.require(m.has(k), w, f"{k} missing")
        fsys = m.sub("file_system")
        r.require(fsys.has("file_system_chooser__Internals") and fsys.has("location_spec"), w, "file_system")
        for n in m.sub("variable_filter").array("included_names"):
            r.require(n in self.variables, w, f"converts variable {n!r}, which is not a workflow variable")
        r.require(info["settings"].has("node_creation_config"), w, "node_creation_config missing")

    def model_DifferenceCheckerNodeFactory(self, info):
        m, r, w = info["model"], self.rep, info["where"]
        cols = []
        for k in m.keys():
            if k.startswith("columnConfig_"):
                c = m.sub(k)
                cols.append(k[len("columnConfig_"):])
                r.require(c.value("checkerFactory") in KNOWN_CHECKERS, w, f"{k}: checker {c.value('checkerFactory')}")
                r.require(c.has("internals"), w, f"{k}: internals missing (the node would fail to load them)")
                i = c.sub("internals") if c.has("internals") else Config("internals")
                for b in ("ignoreColumnProperties", "ignoreColumnElementNames", "ignoreDomain",
                          "ignoreDomainPossibleValuesOrdering"):
                    r.require(i.has(b) and i.has(b + "_Internals"), w, f"{k}/internals/{b}")
                if c.value("checkerFactory").endswith("EpsilonNumberChecker$Factory"):
                    r.require(_type_of(i, "epsilon") == "xdouble", w, f"{k}/internals/epsilon")
            else:
                r.require(k == "ignoreRowIds", w, f"unexpected model key {k}")
        info["checked_columns"] = cols

    # ---------------------------------------------------------------------------------------- connections
    def check_connections(self, wk: Config, w: str):
        r = self.rep
        self.edges: List[Tuple[int, int, int, int]] = []
        incoming: Dict[Tuple[int, int], int] = {}
        for i, c in enumerate(wk.sub("connections").configs()):
            r.require(c.key == f"connection_{i}", w, f"connection key {c.key}")
            r.require(c.keys()[:4] == ["sourceID", "destID", "sourcePort", "destPort"], w, f"{c.key} keys")
            s, d = int(c.value("sourceID")), int(c.value("destID"))
            sp, dp = int(c.value("sourcePort")), int(c.value("destPort"))
            if not (r.require(s in self.nodes, w, f"{c.key}: source node {s} missing") and
                    r.require(d in self.nodes, w, f"{c.key}: destination node {d} missing")):
                continue
            outs = ["flowvariable"] + self.nodes[s]["outs"]
            ins = ["flowvariable?"] + self.nodes[d]["ins"]
            if not (r.require(0 <= sp < len(outs), w, f"{c.key}: node {s} has no output port {sp}") and
                    r.require(0 <= dp < len(ins), w, f"{c.key}: node {d} has no input port {dp}")):
                continue
            r.require(outs[sp].rstrip("?") == ins[dp].rstrip("?"), w,
                      f"{c.key}: {outs[sp]} port {s}:{sp} connected to {ins[dp]} port {d}:{dp}")
            r.require((d, dp) not in incoming, w, f"input port {d}:{dp} has two connections")
            incoming[(d, dp)] = s
            self.edges.append((s, sp, d, dp))
        for nid, n in self.nodes.items():
            for i, t in enumerate(n["ins"], start=1):
                r.require(t.endswith("?") or (nid, i) in incoming, w,
                          f"required input {i} of node {nid} ({n['name']}) is not connected")
        self.incoming = incoming
        # acyclic
        order, seen, stack = [], set(), set()

        def visit(n):
            if n in stack:
                r.error(w, f"cycle through node {n}")
                return
            if n in seen:
                return
            stack.add(n)
            for (s, _, d, _) in self.edges:
                if s == n:
                    visit(d)
            stack.discard(n)
            seen.add(n)
            order.append(n)

        for n in sorted(self.nodes):
            visit(n)
        self.topo = list(reversed(order))

    def check_testing_nodes(self, w: str):
        """User-facing workflows run on a default KNIME install plus PanelKit: no KNIME Testing Framework node and
        no expected tables; a testflow has a Table Difference Checker per expected table."""
        testing = sorted(n["where"] for n in self.nodes.values() if n["factory"].startswith("org.knime.testing"))
        expected = sorted((self.dir / "data" / "expected").glob("*")) if (self.dir / "data" / "expected").is_dir() \
            else []
        if self.testflow:
            checkers = [n for n in testing if "Table Difference Checker" in n]
            self.rep.require(checkers and len(checkers) == len(expected), w,
                             f"{len(checkers)} Table Difference Checkers for {len(expected)} expected tables")
        else:
            self.rep.require(not testing, w, f"KNIME Testing Framework nodes in a user-facing workflow (not in a "
                                             f"default KNIME install; they belong in {TESTFLOWS}/): {testing}")
            self.rep.require(not expected, w, f"expected tables in a user-facing workflow: {expected[:3]}")

    # ---------------------------------------------------------------------------------------- columns
    def check_columns(self):
        """Follows the table columns through the workflow (only the node types the workflows use)."""
        r = self.rep
        cols: Dict[Tuple[int, int], Optional[List[str]]] = {}
        coef_cols = _report_columns("COEFFICIENT_COLUMNS")
        stats_cols = _report_columns("STATISTICS_COLUMNS")

        def inp(nid, port) -> Optional[List[str]]:
            src = [(s, sp) for (s, sp, d, dp) in self.edges if d == nid and dp == port]
            return cols.get(src[0]) if src else None

        for nid in self.topo:
            n = self.nodes.get(nid)
            if n is None:
                continue
            w, f, m = n["where"], n["factory"], n["model"]
            short = _short(f)
            i1 = inp(nid, 1)
            out = None
            if short == "CSVTableReaderNodeFactory":
                url = n.get("url", "")
                if url.startswith("knime://knime.workflow/"):
                    p = self.dir / url[len("knime://knime.workflow/"):]
                    if p.is_file():
                        out = next(csv.reader(io.StringIO(p.read_text(encoding="utf-8"))))
            elif short == "ExpressionRowMapperNodeFactory" and i1 is not None:
                out = list(i1)
                for name, script in n.get("expressions", []):
                    for ref in re.findall(r'(?<!\$)\$\["([^"]+)"\]', script):
                        r.require(ref in out, w, f"expression for {name} uses column {ref!r}, not in the input")
                    out.append(name)
            elif short == "ExpressionRowFilterNodeFactory" and i1 is not None:
                for _, script in n.get("expressions", []):
                    for ref in re.findall(r'(?<!\$)\$\["([^"]+)"\]', script):
                        r.require(ref in i1, w, f"row filter uses column {ref!r}, not in the input")
                    for ref in re.findall(r'\$\$\["([^"]+)"\]', script):
                        r.require(ref in self.variables, w, f"row filter uses variable {ref!r}")
                out = list(i1)
            elif short == "DataColumnSpecFilterNodeFactory" and i1 is not None:
                keep = m.sub("column-filter").array("included_names")
                for c in keep:
                    r.require(c in i1, w, f"column filter keeps {c!r}, not in the input {i1}")
                out = [c for c in i1 if c in keep]
            elif short == "DifferenceCheckerNodeFactory":
                a, b = i1, inp(nid, 2)
                if a is not None and b is not None:
                    r.require(a == b, w, f"compared tables differ in columns: {a} vs {b}")
                    r.require(sorted(n.get("checked_columns", [])) == sorted(b), w,
                              f"checker configured for {n.get('checked_columns')}, reference has {b}")
            elif "pk" in n and i1 is not None:
                key, d = n["pk"]
                if key == "panel_regression":
                    self._require_columns(n, i1, ["y_column", "entity_column", "time_column"], ["regressors"])
                    cols[(nid, 1)] = coef_cols
                    cols[(nid, 2)] = stats_cols
                    cols[(nid, 3)] = list(i1) + [m.value("residual_column"), m.value("fitted_column")]
                    continue
                if key == "location_quotient":
                    self._require_columns(n, i1, ["region_column", "time_column"], ["industry_columns"])
                    sel = m.sub("industry_columns").sub("manualFilter").array("manuallySelected") \
                        if m.has("industry_columns") else []
                    out = list(i1) + [d.get("output_column_prefix", "lq_") + c for c in sel]
                elif key == "panel_interpolation":
                    self._require_columns(n, i1, ["entity_column", "time_column"], ["columns"])
                    out = list(i1)
                    if m.has("add_flags") and m.value("add_flags") == "true":
                        out += [c + m.value("flag_suffix") for c in
                                m.sub("columns").sub("manualFilter").array("manuallySelected")]
                elif key == "subsample_splitter":
                    self._require_columns(n, i1, ["entity_column", "time_column", "source_column"], [])
                    out = list(i1) + [m.value("group_column")]
                elif key == "difference_test":
                    self._require_columns(n, i1, ["y_column", "entity_column", "time_column", "cluster_column",
                                                  "source_column"], ["regressors"])
                elif key == "mediation":
                    self._require_columns(n, i1, ["outcome_column", "treatment_column", "entity_column",
                                                  "time_column", "cluster_column"],
                                          ["mediator_columns", "control_columns"])
            cols[(nid, 1)] = out

    def _require_columns(self, n, cols, keys, filters):
        m = n["model"]
        for k in keys:
            if m.has(k) and m.value(k):
                self.rep.require(m.value(k) in cols, n["where"], f"{k} = {m.value(k)!r} is not an input column")
        for k in filters:
            if m.has(k):
                for c in m.sub(k).sub("manualFilter").array("manuallySelected"):
                    self.rep.require(c in cols, n["where"], f"{k} selects {c!r}, not an input column")

    # ---------------------------------------------------------------------------------------- metadata, data
    def check_metadata(self):
        r = self.rep
        for rel, root_tag, ns in (("workflowset.meta", "KNIMEMetaInfo", "http://www.knime.org/2.9/metainfo"),
                                  ("workflow-metadata.xml", "workflow-metadata",
                                   "http://www.knime.org/core/node/workflow/metadata/v1.0")):
            p = self.dir / rel
            if not r.require(p.is_file(), self.where(rel), "missing"):
                continue
            try:
                root = ET.fromstring(p.read_bytes())
            except ET.ParseError as e:
                r.error(self.where(rel), f"not well-formed: {e}")
                continue
            r.require(root.tag == f"{{{ns}}}{root_tag}", self.where(rel), f"root element {root.tag}")
            if root_tag == "workflow-metadata":
                names = [c.tag.split("}")[1] for c in root]
                r.require(root.get("content-type") in ("text/plain", "text/html"), self.where(rel), "content-type")
                order = ["author", "created", "last-modified", "description", "tags", "links"]
                r.require("last-modified" in names and "description" in names, self.where(rel),
                          "last-modified/description missing")
                r.require(names == [x for x in order if x in names], self.where(rel), f"element order {names}")
        raw = ROOT / self.spec["study"]["raw_data"]
        r.require((self.dir / "data/synthetic_study_raw.csv").read_bytes() == raw.read_bytes()
                  if (self.dir / "data/synthetic_study_raw.csv").is_file() else False,
                  self.where("data/synthetic_study_raw.csv"), f"missing or different from {self.spec['study']['raw_data']}")
        exp_dir = self.dir / "data" / "expected"
        for p in sorted(exp_dir.glob("*")) if exp_dir.is_dir() else []:
            ref = ROOT / self.spec["study"]["expected_dir"] / p.name
            r.require(ref.is_file() and ref.read_bytes() == p.read_bytes(), self.where("data/expected", p.name),
                      f"differs from {self.spec['study']['expected_dir']}/{p.name}")
        on_disk = {p.name for p in self.dir.iterdir() if p.is_dir() and p.name != "data"}
        in_wf = {self.nodes[n]["where"].split("/")[-2] for n in self.nodes}
        r.require(on_disk == in_wf, self.where(), f"node folders not in workflow.knime: {sorted(on_disk - in_wf)}")


def _declared_ports(d: dict, info: dict) -> Tuple[int, int]:
    ins = d["in"]
    if isinstance(ins, str):
        s = info["settings"]
        n = 0
        if s.has("node_creation_config") and d.get("port_group") and s.sub("node_creation_config").has(d["port_group"]):
            n = len(list(s.sub("node_creation_config").sub(d["port_group"]).configs()))
        elif ins.startswith("two_models"):
            n = 2 * len(ins.split(":")[1].split(","))
        return n, len(d["out"])
    return len(ins), len(d["out"])


def _short(factory: str) -> str:
    return factory.rsplit(".", 1)[-1]


def _balanced(s: str) -> bool:
    depth = 0
    in_str = False
    for i, ch in enumerate(s):
        if ch == '"' and (i == 0 or s[i - 1] != "\\"):
            in_str = not in_str
        elif not in_str:
            depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
            if depth < 0:
                return False
    return depth == 0 and not in_str


def _report_columns(name: str) -> Optional[List[str]]:
    p = SUPPORT_BUNDLE / "src/main/java/org/panelkit/knime/support/fe/RegressionReport.java"
    if not p.is_file():
        return None
    src = p.read_text(encoding="utf-8")
    m = re.search(name + r"\s*=\s*List\.of\((.*?)\);", src, flags=re.S)
    return re.findall(r'new Column\("([^"]+)"', m.group(1)) if m else None


# ================================================================================================ archives, regen

def check_knwf(folder: Path, rep: Report):
    knwf = folder.parent / (folder.name + ".knwf")
    if not rep.require(knwf.is_file(), knwf.name, "missing"):
        return
    files = {p.relative_to(folder.parent).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    dirs = {p.relative_to(folder.parent).as_posix() + "/" for p in folder.rglob("*") if p.is_dir()}
    dirs.add(folder.name + "/")
    try:
        with zipfile.ZipFile(knwf) as z:
            rep.require(z.testzip() is None, knwf.name, "corrupt entry")
            names = z.namelist()
            rep.require(len(names) == len(set(names)), knwf.name, "duplicate entries")
            rep.require(all(n.split("/")[0] == folder.name for n in names), knwf.name,
                        f"entries outside the top-level folder {folder.name}/")
            zfiles = {n for n in names if not n.endswith("/")}
            rep.require(zfiles == set(files), knwf.name,
                        f"files differ from the folder: only in zip {sorted(zfiles - set(files))[:5]}, only in "
                        f"folder {sorted(set(files) - zfiles)[:5]}")
            rep.require({n for n in names if n.endswith("/")} == dirs, knwf.name, "directory entries differ")
            for n in zfiles & set(files):
                rep.require(z.read(n) == files[n], knwf.name, f"{n} differs from the folder")
    except zipfile.BadZipFile as e:
        rep.error(knwf.name, f"not a zip file: {e}")


def check_regeneration(out_dir: Path, rep: Report):
    with tempfile.TemporaryDirectory() as tmp:
        # pending factories are reported by the structure check; here only determinism matters
        cmd = [sys.executable, str(HERE / "generate.py"), "--out", tmp, "--allow-provisional"]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode != 0:
            rep.error("generate.py", "regeneration failed: " + (res.stderr.strip() or res.stdout.strip()))
            return
        tmp = Path(tmp)
        spec = json.loads((HERE / "workflows.json").read_text(encoding="utf-8"))
        for name in [w["folder"] for w in spec["workflows"]] + [TESTFLOWS + "/" + w["folder"]
                                                                  for w in spec["workflows"]]:
            a = {p.relative_to(tmp).as_posix(): p for p in (tmp / name).rglob("*") if p.is_file()}
            b = {p.relative_to(out_dir).as_posix(): p for p in (out_dir / name).rglob("*") if p.is_file()}
            rep.require(set(a) == set(b), name, f"regenerated files differ: new {sorted(set(a) - set(b))[:5]}, "
                                                f"gone {sorted(set(b) - set(a))[:5]} (run generate.py)")
            for k in sorted(set(a) & set(b)):
                rep.require(a[k].read_bytes() == b[k].read_bytes(), k, "differs from a fresh generate.py run "
                                                                       "(run python3 releng/workflows/generate.py)")
            za, zb = tmp / (name + ".knwf"), out_dir / (name + ".knwf")
            if zb.is_file():
                rep.require(_zip_signature(za) == _zip_signature(zb), name + ".knwf",
                            "differs from a fresh generate.py run (run python3 releng/workflows/generate.py)")


def _zip_signature(p: Path):
    """Entries with their metadata and content (the compressed bytes may differ between zlib builds)."""
    with zipfile.ZipFile(p) as z:
        return [(i.filename, i.date_time, i.external_attr, i.compress_type, i.CRC, i.file_size, z.read(i))
                for i in z.infolist()]


# ================================================================================================ main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Validates the example KNIME workflows without KNIME.")
    ap.add_argument("dir", nargs="?", type=Path, default=ROOT / "workflows")
    ap.add_argument("--allow-provisional", action="store_true",
                    help="PanelKit nodes not yet registered in plugin.xml are reported as PENDING, not as errors")
    ap.add_argument("--no-regenerate", action="store_true", help="skip the byte-identical regeneration check")
    ap.add_argument("--only", action="append", metavar="FOLDER",
                    help="check only this workflow (repeatable; implies --no-regenerate)")
    args = ap.parse_args(argv)
    spec = json.loads((HERE / "workflows.json").read_text(encoding="utf-8"))
    registered = set(ps.plugin_factories(KNIME_BUNDLE / "plugin.xml"))
    rep = Report()
    listed = [w["folder"] for w in spec["workflows"]]
    if args.only:
        listed = [w for w in listed if w in args.only]
        rep.require(sorted(listed) == sorted(set(args.only)), "--only", f"unknown workflows {args.only}")
        args.no_regenerate = True
    else:
        present = sorted(p.name for p in args.dir.iterdir() if (p / "workflow.knime").is_file())
        rep.require(sorted(listed) == present, str(args.dir), f"workflow folders {present} != workflows.json {listed}")
        stray = sorted(p.name for p in args.dir.glob("*.knwf") if p.stem not in listed)
        rep.require(not stray, str(args.dir), f".knwf files without a workflow in workflows.json: {stray}")
    if not args.only:
        tf = args.dir / TESTFLOWS
        present = sorted(p.name for p in tf.iterdir() if (p / "workflow.knime").is_file()) if tf.is_dir() else []
        rep.require(sorted(listed) == present, str(tf), f"testflow folders {present} != workflows.json {listed}")
        stray = sorted(p.name for p in tf.glob("*.knwf")) if tf.is_dir() else []
        rep.require(not stray, str(tf), f"testflows are folders, not archives: {stray}")
    for name in listed:
        folder = args.dir / name
        if not rep.require(folder.is_dir(), name, "missing (run python3 releng/workflows/generate.py)"):
            continue
        WorkflowCheck(folder, spec, rep, registered).run()
        check_knwf(folder, rep)
        testflow = args.dir / TESTFLOWS / name
        if rep.require(testflow.is_dir(), f"{TESTFLOWS}/{name}", "missing (run python3 releng/workflows/generate.py)"):
            WorkflowCheck(testflow, spec, rep, registered, testflow=True).run()
    if not args.no_regenerate:
        check_regeneration(args.dir, rep)
    for e in rep.errors:
        print("ERROR   " + e)
    pending = sorted(set(rep.pending))
    if pending:
        print(f"PENDING {len(rep.pending_factories)} PanelKit node factories used by the workflows are not registered "
              f"in bundles/org.panelkit.knime/plugin.xml yet (issue 5); their settings keys come from the "
              f"'provisional' descriptions in workflows.json:")
        for f in sorted(rep.pending_factories):
            uses = sorted({p.split(": ")[0] for p in pending if f in p})
            print(f"PENDING   {f}: {len(uses)} nodes, e.g. {uses[0]}")
    failed = bool(rep.errors) or (bool(pending) and not args.allow_provisional)
    print(f"check.py: {len(listed)} workflows and their testflows, {rep.checked} checks, {len(rep.errors)} errors, "
          f"{len(rep.pending_factories)} pending factories -> {'FAILED' if failed else 'OK'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
