"""What the PanelKit KNIME bundle declares, read from its sources without compiling them.

- plugin.xml: the registered node factory classes;
- META-INF/MANIFEST.MF and features/org.panelkit.feature/feature.xml: the bundle/feature names and versions a
  saved node records (node-bundle-*, node-feature-*);
- the NodeParameters classes: the settings keys, in declaration order, with their persisted types. KNIME's
  field-based persistence (org.knime.core.webui...persistence, 5.7) saves every non-private, non-static field of a
  NodeParameters class under its @Persist(configKey = ...) or, without one, under the field name without "m_";
  String/enum -> xstring (enum constant name), boolean -> xboolean, int -> xint, long -> xlong, double -> xdouble,
  String[] -> string array config, ColumnFilter -> config {mode, patternFilter, manualFilter, typeFilter}, a nested
  NodeParameters class -> sub-config with its own fields, an array of a NodeParameters class (@ArrayWidget) -> config
  with one sub-config per element, keys "0", "1", ...;
- the NodeModel constructors: the number of input and output ports.

Python standard library only. The parser is deliberately simple (it handles the code style of this repository) and
fails loudly on anything it does not understand.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional


class SourceError(Exception):
    pass


# ------------------------------------------------------------------------------------------------ plugin.xml etc.

def plugin_factories(plugin_xml: Path) -> List[str]:
    """Factory classes registered under org.knime.workbench.repository.nodes (or the newer nodesets)."""
    if not plugin_xml.is_file():
        return []
    root = ET.parse(plugin_xml).getroot()
    out = []
    for ext in root.iter("extension"):
        for node in ext.iter("node"):
            fc = node.get("factory-class")
            if fc:
                out.append(fc)
    return out


def manifest(path: Path) -> Dict[str, str]:
    """MANIFEST.MF headers (continuation lines joined)."""
    if not path.is_file():
        return {}
    headers: Dict[str, str] = {}
    last = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" ") and last:
            headers[last] += line[1:]
        elif ":" in line:
            k, v = line.split(":", 1)
            last = k.strip()
            headers[last] = v.strip()
    return headers


def feature(path: Path) -> Dict[str, str]:
    if not path.is_file():
        return {}
    root = ET.parse(path).getroot()
    return {"id": root.get("id", ""), "label": root.get("label", ""), "version": root.get("version", ""),
            "provider": root.get("provider-name", "")}


# ------------------------------------------------------------------------------------------------ Java parsing

def _strip_comments(src: str) -> str:
    # remove block and line comments but keep string literals intact
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == '"':
            if src.startswith('"""', i):
                j = src.index('"""', i + 3)
                out.append('""')  # text blocks are never keys; keep a placeholder literal
                i = j + 3
                continue
            j = i + 1
            while src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            out.append(src[i:j + 1])
            i = j + 1
        elif c == "'":
            j = i + 1
            while src[j] != "'":
                j += 2 if src[j] == "\\" else 1
            out.append(src[i:j + 1])
            i = j + 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.index("*/", i + 2)
            out.append(" ")
            i = j + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _body_members(src: str, class_name: str) -> str:
    """The text at depth 1 of the given top-level or nested class body (nested bodies replaced by '{}')."""
    m = re.search(r"\b(class|enum|interface|record)\s+" + re.escape(class_name) + r"\b[^{]*\{", src)
    if not m:
        raise SourceError(f"class {class_name} not found")
    i = m.end()
    depth = 1
    out = []
    while depth > 0:
        c = src[i]
        if c == "{":
            depth += 1
            if depth == 2:
                out.append("{")
        elif c == "}":
            depth -= 1
            if depth == 1:
                out.append("}")
        elif depth == 1:
            out.append(c)
        i += 1
    return "".join(out)


_MASK = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def _mask_strings(src: str):
    """Replaces every string literal by "\x00<n>" so that parentheses, braces or semicolons inside literals cannot
    confuse the structural parsing; returns the masked text and the literal values."""
    literals: List[str] = []

    def repl(m):
        literals.append(m.group(0)[1:-1])
        return '"\x00' + str(len(literals) - 1) + '"'

    return _MASK.sub(repl, src), literals


def _literal(token: str, literals: List[str]) -> str:
    return literals[int(token.strip('"')[1:])]


def _string_constants(src: str, literals: List[str]) -> Dict[str, str]:
    """static final String A = "a", B = "b"; (also single ones)."""
    consts: Dict[str, str] = {}
    for m in re.finditer(r"static\s+final\s+String\s+([^;]+);", src):
        for part in re.finditer(r"(\w+)\s*=\s*(\"\x00\d+\")", m.group(1)):
            consts[part.group(1)] = _literal(part.group(2), literals)
    return consts


def _enum_constants(src: str, enum_name: str) -> Optional[List[str]]:
    m = re.search(r"\benum\s+" + re.escape(enum_name) + r"\b[^{]*\{", src)
    if not m:
        return None
    body = _body_members(src, enum_name)
    head = body.split(";", 1)[0]
    # drop annotations with arguments (@Label(...)) and constructor arguments
    depth = 0
    cleaned = []
    for c in head:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            cleaned.append(c)
    text = re.sub(r"@\w+", " ", "".join(cleaned))
    text = re.sub(r"\{\}", " ", text)
    return [t.strip() for t in text.split(",") if t.strip()]


@dataclass
class Setting:
    key: str
    java_type: str
    kind: str  # string | enum | boolean | int | long | double | string_array | column_filter | group | group_array
    enum_values: Optional[List[str]] = None
    default: Optional[str] = None  # the Java initializer text, for information
    children: List["Setting"] = field(default_factory=list)  # kind == group, group_array (an element's settings)

    def describe(self) -> str:
        extra = f" {{{'|'.join(self.enum_values)}}}" if self.enum_values else ""
        return f"{self.key}: {self.kind}{extra}"


_PRIMITIVES = {"String": "string", "boolean": "boolean", "Boolean": "boolean", "int": "int", "Integer": "int",
               "long": "long", "Long": "long", "double": "double", "Double": "double", "String[]": "string_array",
               "ColumnFilter": "column_filter"}

_FIELD = re.compile(r"((?:@\w+(?:\.\w+)*(?:\((?:[^()]|\([^()]*\))*\))?\s*)*)"  # annotations
                    r"((?:(?:public|protected|private|static|final|transient)\s+)*)"  # modifiers
                    r"([\w.]+(?:<[^;=(){}]*>)?(?:\[\])?)\s+(m_\w+|\w+)\s*(?:=\s*([^;]+))?;")


def _class_file(src: str, java_file: Path, simple: str) -> Optional[Path]:
    """The source file of a top-level class used by simple name in src: imported, else in the same package."""
    pkg = re.search(r"\bpackage\s+([\w.]+)\s*;", src)
    imp = re.search(r"\bimport\s+([\w.]+)\." + re.escape(simple) + r"\s*;", src)
    if imp and pkg:
        root = java_file.parents[len(pkg.group(1).split("."))]
        f = root.joinpath(*imp.group(1).split("."), simple + ".java")
    else:
        f = java_file.parent / (simple + ".java")
    return f if f.is_file() else None


def parameter_settings(java_file: Path, class_name: Optional[str] = None, _src=None,
                       _seen: Optional[set] = None) -> List[Setting]:
    """The persisted settings of a NodeParameters class, in declaration order."""
    if _src is None:
        if not java_file.is_file():
            raise SourceError(f"{java_file} not found")
        _src = _mask_strings(_strip_comments(java_file.read_text(encoding="utf-8")))
    src, literals = _src
    class_name = class_name or java_file.stem
    seen = _seen or set()
    if class_name in seen:
        raise SourceError(f"recursive parameters class {class_name}")
    seen = seen | {class_name}
    consts = _string_constants(src, literals)
    body = _body_members(src, class_name)
    settings: List[Setting] = []
    for stmt in re.split(r"(?<=[;}])", body):
        m = _FIELD.fullmatch(stmt.strip())
        if not m:
            continue
        annotations, modifiers, jtype, name, init = m.groups()
        if "static" in modifiers or "private" in modifiers or "transient" in modifiers:
            continue
        if "@Persistor(" in annotations and "DoNotPersist" in annotations:
            continue
        if jtype in ("Void", "java.lang.Void"):  # a dialog message (@TextMessage), persisted as nothing
            continue
        if "@Persistor(" in annotations:
            raise SourceError(f"{class_name}.{name}: custom @Persistor - describe its keys in workflows.json")
        key = None
        pm = re.search(r"@Persist\s*\(([^)]*)\)", annotations)
        if pm:
            args = pm.group(1)
            km = re.search(r"configKey\s*=\s*(\"\x00\d+\"|[\w.]+)", args)
            if km:
                ref = km.group(1)
                if ref.startswith('"'):
                    key = _literal(ref, literals)
                else:
                    key = consts.get(ref.split(".")[-1])
                    if key is None and "." in ref:  # Other.KEY of another class (imported or same package)
                        other = _class_file(src, java_file, ref.split(".")[-2])
                        if other is not None:
                            osrc, olits = _mask_strings(_strip_comments(other.read_text(encoding="utf-8")))
                            key = _string_constants(osrc, olits).get(ref.split(".")[-1])
                    if key is None:
                        raise SourceError(f"{class_name}.{name}: cannot resolve configKey {ref}")
            if re.search(r"hidden\s*=\s*true", args):
                raise SourceError(f"{class_name}.{name}: hidden settings are not supported by this parser")
        if key is None:
            key = name[2:] if name.startswith("m_") else name
        simple = jtype.split(".")[-1]
        kind = _PRIMITIVES.get(jtype) or _PRIMITIVES.get(simple)
        enum_values = None
        children: List[Setting] = []
        if kind is None and simple.endswith("[]"):
            # an array of a NodeParameters class (@ArrayWidget): config {"0": element, "1": element, ...}
            element = simple[:-2]
            if re.search(r"\bclass\s+" + re.escape(element) + r"\b[^{]*\bimplements\s+NodeParameters\b", src):
                kind = "group_array"
                children = parameter_settings(java_file, element, (src, literals), seen)
            elif _class_file(src, java_file, element) is not None:
                kind = "group_array"
                children = parameter_settings(_class_file(src, java_file, element), element, None, seen)
            else:
                raise SourceError(f"{class_name}.{name}: unsupported settings type {jtype}")
        if kind is None:
            enum_values = _enum_constants(src, simple)
            if enum_values is not None:
                kind = "enum"
            elif re.search(r"\bclass\s+" + re.escape(simple) + r"\b[^{]*\bimplements\s+NodeParameters\b", src):
                kind = "group"
                children = parameter_settings(java_file, simple, (src, literals), seen)
            elif _class_file(src, java_file, simple) is not None:  # a shared group class in its own file
                kind = "group"
                children = parameter_settings(_class_file(src, java_file, simple), simple, None, seen)
            else:
                raise SourceError(f"{class_name}.{name}: unsupported settings type {jtype}")
        default = None
        if init:
            default = re.sub(r'"\x00(\d+)"', lambda mm: '"' + literals[int(mm.group(1))] + '"', init.strip())
        settings.append(Setting(key, jtype, kind, enum_values, default, children))
    keys = [s.key for s in settings]
    if len(set(keys)) != len(keys):
        raise SourceError(f"{class_name}: duplicate settings keys {keys}")
    return settings


def model_port_counts(java_file: Path) -> Optional[tuple]:
    """(inputs, outputs) from `super(new PortType[]{...}, new PortType[]{...}` or `super(n, m)` in a NodeModel."""
    if not java_file.is_file():
        return None
    src = _strip_comments(java_file.read_text(encoding="utf-8"))
    m = re.search(r"super\(\s*new\s+PortType\[\]\s*\{([^}]*)\}\s*,\s*new\s+PortType\[\]\s*\{([^}]*)\}", src)
    if m:
        count = lambda s: len([p for p in s.split(",") if p.strip()])
        return count(m.group(1)), count(m.group(2))
    m = re.search(r"super\(\s*(\d+)\s*,\s*(\d+)\s*[,)]", src)
    if m:
        return int(m.group(1)), int(m.group(2))
    return None


def factory_port_groups(java_file: Path, source_roots: List[Path]) -> Optional[List[tuple]]:
    """The port groups a ConfigurableNodeFactory's PortsConfigurationBuilder declares, in declaration order:
    (method, group name, number of port types), e.g. ('addExtendableInputPortGroup', 'Model', 1). The group name is a
    string literal or a String constant (Class.NAME, resolved in the sources under source_roots). None if the factory
    source does not exist or declares no port groups (a plain NodeFactory)."""
    if not java_file.is_file():
        return None
    src = _strip_comments(java_file.read_text(encoding="utf-8"))
    out = []
    for m in re.finditer(r"\.(add\w*PortGroup)\s*\(([^;]*?)\)\s*;", src):
        args = [a.strip() for a in m.group(2).split(",")]
        name = args[0]
        if name.startswith('"'):
            name = name.strip('"')
        else:
            cls, _, const = name.rpartition(".")
            name = _resolve_constant(cls or java_file.stem, const, source_roots, java_file)
        out.append((m.group(1), name, len(args) - 1))
    return out or None


def _resolve_constant(cls: str, const: str, roots: List[Path], here: Path) -> str:
    files = [here] if cls == here.stem else [p for r in roots for p in r.rglob(cls.split(".")[-1] + ".java")]
    for f in files:
        m = re.search(r"\b" + re.escape(const) + r"\s*=\s*\"([^\"]*)\"", f.read_text(encoding="utf-8"))
        if m:
            return m.group(1)
    raise SourceError(f"{here.name}: cannot resolve the port group name {cls}.{const}")


def factory_node_name(java_file: Path, source_roots: List[Path]) -> Optional[str]:
    """The node name a PanelKitNodeFactory declares: its description() returns Text.method(), whose body starts with
    NodeDoc.builder("Name"). None when the pattern is not found (the name is then not checked)."""
    if not java_file.is_file():
        return None
    src = _strip_comments(java_file.read_text(encoding="utf-8"))
    m = re.search(r"description\(\)\s*\{\s*return\s+(\w+)\.(\w+)\(\)", src)
    if not m:
        return None
    for f in (p for r in source_roots for p in r.rglob(m.group(1) + ".java")):
        text = _strip_comments(f.read_text(encoding="utf-8"))
        body = re.search(r"\b" + re.escape(m.group(2)) + r"\s*\(\s*\)\s*\{(.*?)NodeDoc\.builder\(\s*(\"[^\"]+\"|\w+)",
                         text, flags=re.S)
        if body:
            arg = body.group(2)
            if arg.startswith('"'):
                return arg.strip('"')
            const = re.search(r"\b" + re.escape(arg) + r"\s*=\s*\"([^\"]*)\"", text)
            return const.group(1) if const else None
    return None
