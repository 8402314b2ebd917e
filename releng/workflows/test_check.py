#!/usr/bin/env python3
"""Does check.py catch broken workflows? Each test breaks one thing in a copy of workflows/ and expects the error.

    python3 releng/workflows/test_check.py        (also run by ExampleWorkflowsTest)
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
import unittest
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(HERE))

import check  # noqa: E402
from knimexml import parse_xml, to_xml  # noqa: E402

ROOT = HERE.parents[1]
WF = "PanelKit_Study_1_Benchmark"


def _folder(root: Path, prefix: str) -> Path:
    return next(p for p in sorted((root / WF).iterdir()) if p.name.startswith(prefix))


class CheckCatchesBrokenWorkflows(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.pristine = Path(cls.tmp.name) / "pristine"
        shutil.copytree(ROOT / "workflows" / WF, cls.pristine / WF)
        shutil.copyfile(ROOT / "workflows" / f"{WF}.knwf", cls.pristine / f"{WF}.knwf")
        shutil.copytree(ROOT / "workflows" / "testflows" / WF, cls.pristine / "testflows" / WF)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.dir = Path(self.tmp.name) / self.id().rsplit(".", 1)[-1]
        shutil.copytree(self.pristine, self.dir)

    def run_check(self) -> str:
        out = io.StringIO()
        with redirect_stdout(out):
            check.main([str(self.dir), "--allow-provisional", "--only", WF])
        return out.getvalue()

    def edit(self, path: Path, old: str, new: str):
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text, f"test setup: {old!r} not in {path}")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def assertFinds(self, *fragments):
        out = self.run_check()
        self.assertIn("FAILED", out, out)
        for f in fragments:
            self.assertIn(f, out)

    def test_pristine_copy_passes(self):
        out = self.run_check()
        self.assertIn("0 errors", out, out)

    def test_renamed_panelkit_settings_key(self):
        self.edit(_folder(self.dir, "Panel Regression") / "settings.xml", 'key="entity_column"', 'key="entity"')
        self.assertFinds("!= NodeParameters keys")

    def test_enum_value_that_does_not_exist(self):
        self.edit(_folder(self.dir, "Panel Regression") / "settings.xml", 'value="XTREG"', 'value="STATA"')
        self.assertFinds("'STATA' not in")

    def test_wrong_entry_type(self):
        self.edit(_folder(self.dir, "Panel Regression") / "settings.xml",
                  '<entry key="dk_lag" type="xint"', '<entry key="dk_lag" type="xlong"')
        self.assertFinds("model/dk_lag is xlong, expected xint")

    def test_port_group_that_the_factory_does_not_declare(self):
        self.edit(_folder(self.dir, "Regression Table") / "settings.xml", '<config key="Regression table"/>',
                  '<config key="Table"/>')
        self.assertFinds("node_creation_config groups ['Model', 'Variable labels', 'Table']")

    def test_node_name_that_the_factory_does_not_declare(self):
        self.edit(_folder(self.dir, "Location Quotient (#6)") / "settings.xml",
                  '<entry key="node-name" type="xstring" value="Location Quotient"/>',
                  '<entry key="node-name" type="xstring" value="LQ"/>')
        self.assertFinds("the factory names the node 'Location Quotient'")

    def test_connection_to_a_port_that_does_not_exist(self):
        self.edit(self.dir / WF / "workflow.knime", '<entry key="destPort" type="xint" value="2"/>',
                  '<entry key="destPort" type="xint" value="7"/>')
        self.assertFinds("has no input port 7")

    def test_column_filter_keeps_a_missing_column(self):
        self.edit(_folder(self.dir, "Column Filter (#9)") / "settings.xml", 'value="KS"', 'value="KX"')
        self.assertFinds("keeps 'KX', not in the input")

    def test_expression_refers_to_a_missing_column(self):
        self.edit(_folder(self.dir, "Expression (#8)") / "settings.xml", "&quot;population&quot;",
                  "&quot;populace&quot;")
        self.assertFinds("uses column 'populace', not in the input")

    def test_override_with_an_undefined_variable(self):
        self.edit(_folder(self.dir, "Panel Regression") / "settings.xml", 'value="se_type"/>', 'value="se"/>')
        self.assertFinds("override uses variable 'se'")

    def test_unknown_factory(self):
        self.edit(_folder(self.dir, "Column Filter (#9)") / "settings.xml",
                  "org.knime.base.node.preproc.filter.column.DataColumnSpecFilterNodeFactory",
                  "org.knime.base.node.preproc.filter.column.ColumnFilterNodeFactory")
        self.assertFinds("neither a known KNIME factory")

    def test_malformed_xml(self):
        p = _folder(self.dir, "CSV Reader (#3)") / "settings.xml"
        p.write_bytes(p.read_bytes()[:-20])
        self.assertFinds("not well-formed XML")

    def test_duplicate_key(self):
        p = _folder(self.dir, "Expression (#5)")
        self.edit(p / "settings.xml", '<entry key="replacedColumn" type="xstring" value=""/>',
                  '<entry key="replacedColumn" type="xstring" value=""/>\n'
                  '        <entry key="replacedColumn" type="xstring" value=""/>')
        self.assertFinds("duplicate key")

    def test_renamed_node_folder(self):
        src = _folder(self.dir, "Expression (#5)")
        src.rename(src.with_name("Expression (#50)"))
        self.assertFinds("Expression (#5)/settings.xml: missing", "node folders not in workflow.knime")

    def test_knwf_that_differs_from_the_folder(self):
        knwf = self.dir / f"{WF}.knwf"
        with zipfile.ZipFile(knwf) as z:
            entries = [(i, z.read(i)) for i in z.infolist()]
        with zipfile.ZipFile(knwf, "w") as z:
            for info, data in entries:
                if info.filename.endswith("workflow.knime"):
                    data = data.replace(b"PanelKit", b"PanelKid")
                z.writestr(info, data)
        self.assertFinds(f"{WF}/workflow.knime differs from the folder")

    def test_missing_required_input(self):
        wk = self.dir / WF / "workflow.knime"
        c = parse_xml(wk.read_bytes())
        conns = c.sub("connections")
        conns.items = conns.items[:-1]  # drop the last connection (into the Regression Table)
        wk.write_bytes(to_xml(c))
        self.assertFinds("is not connected")

    def test_testing_node_in_a_user_facing_workflow(self):
        import re
        p = next((self.dir / WF).glob("Column Filter*")) / "settings.xml"
        text = p.read_text(encoding="utf-8")
        text = re.sub(r'key="factory" type="xstring" value="[^"]+"',
                      'key="factory" type="xstring" value="org.knime.testing.internal.nodes.differ.'
                      'DifferenceCheckerNodeFactory"', text)
        p.write_text(text, encoding="utf-8")
        self.assertFinds("KNIME Testing Framework nodes in a user-facing workflow")

    def test_testflow_without_its_checkers(self):
        shutil.rmtree(self.dir / "testflows" / WF / "data" / "expected")
        self.assertFinds("0 expected tables")

    def test_expected_table_changed(self):
        p = self.dir / "testflows" / WF / "data" / "expected" / "m1_coefficients.csv"
        p.write_text(p.read_text().replace("IC,", "IC ,", 1))
        self.assertFinds("differs from releng/workflows/expected/m1_coefficients.csv")


if __name__ == "__main__":
    unittest.main(verbosity=1)
