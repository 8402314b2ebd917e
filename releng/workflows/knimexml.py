"""KNIME's XML config format (workflow.knime, settings.xml), written and read without KNIME.

The format, as KNIME 5.x writes it (org.knime.core.node.config.base.XMLConfig / XMLContentHandler):

    <?xml version="1.0" encoding="UTF-8"?>
    <config xmlns="http://www.knime.org/2008/09/XMLConfig" xmlns:xsi="..." xsi:schemaLocation="..." key="settings.xml">
        <entry key="node_file" type="xstring" value="settings.xml"/>
        <config key="model">
            ...
        </config>
    </config>

- a tree of <config key=...> elements holding <entry key= type= value=/> leaves, keys unique per config and kept
  in insertion order; the root config carries the namespace attributes;
- entry types xstring, xint, xlong, xdouble, xboolean (also xchar, xshort, xbyte, xfloat, xpassword, ...);
- a null string is written as isnull="true" value="";
- string values escape characters below 32 and above 0xd7ff, and a "%%" pair, as %%NNNNN (decimal, 5 digits):
  a line feed is %%00010 (XMLUtils.escape); the XML serializer then escapes & < > " as entities;
- arrays (addStringArray, addIntArray) are configs with an "array-size" xint entry and entries "0", "1", ...;
- the XML declaration is written by hand on its own line, the tree is indented by 4 spaces, the file ends with a
  line feed.

Python standard library only.
"""

from __future__ import annotations

import re
from decimal import Decimal
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Iterator, List, Optional, Tuple, Union

NS = "http://www.knime.org/2008/09/XMLConfig"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = "http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd"

ENTRY_TYPES = {"xstring", "xint", "xlong", "xdouble", "xboolean", "xchar", "xshort", "xbyte", "xfloat",
               "xpassword", "xtransientstring"}


@dataclass
class Entry:
    type: str
    value: Optional[str]  # None = isnull


@dataclass
class Config:
    key: str
    items: List[Tuple[str, Union["Config", Entry]]] = field(default_factory=list)

    # ------------------------------------------------------------------ building
    def _add(self, key: str, item):
        if any(k == key for k, _ in self.items):
            raise ValueError(f"duplicate key '{key}' in config '{self.key}'")
        self.items.append((key, item))
        return item

    def config(self, key: str) -> "Config":
        """Adds and returns an (empty) sub-config."""
        return self._add(key, Config(key))

    def add_config(self, c: "Config") -> "Config":
        return self._add(c.key, c)

    def string(self, key: str, value: Optional[str]) -> "Config":
        self._add(key, Entry("xstring", value))
        return self

    def int_(self, key: str, value: int) -> "Config":
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{key}: int expected, got {value!r}")
        self._add(key, Entry("xint", str(value)))
        return self

    def long_(self, key: str, value: int) -> "Config":
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{key}: long expected, got {value!r}")
        self._add(key, Entry("xlong", str(value)))
        return self

    def bool_(self, key: str, value: bool) -> "Config":
        if not isinstance(value, bool):
            raise TypeError(f"{key}: boolean expected, got {value!r}")
        self._add(key, Entry("xboolean", "true" if value else "false"))
        return self

    def double(self, key: str, value: float) -> "Config":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{key}: double expected, got {value!r}")
        self._add(key, Entry("xdouble", java_double(float(value))))
        return self

    def string_array(self, key: str, values: List[str]) -> "Config":
        c = self.config(key)
        c.int_("array-size", len(values))
        for i, v in enumerate(values):
            c.string(str(i), v)
        return self

    def int_array(self, key: str, values: List[int]) -> "Config":
        c = self.config(key)
        c.int_("array-size", len(values))
        for i, v in enumerate(values):
            c.int_(str(i), v)
        return self

    # ------------------------------------------------------------------ reading
    def keys(self) -> List[str]:
        return [k for k, _ in self.items]

    def get(self, key: str):
        for k, v in self.items:
            if k == key:
                return v
        return None

    def has(self, key: str) -> bool:
        return self.get(key) is not None

    def sub(self, key: str) -> "Config":
        v = self.get(key)
        if not isinstance(v, Config):
            raise KeyError(f"config '{key}' missing in '{self.key}'")
        return v

    def entry(self, key: str) -> Entry:
        v = self.get(key)
        if not isinstance(v, Entry):
            raise KeyError(f"entry '{key}' missing in '{self.key}'")
        return v

    def value(self, key: str) -> Optional[str]:
        return self.entry(key).value

    def array(self, key: str) -> List[str]:
        c = self.sub(key)
        n = int(c.value("array-size"))
        return [c.value(str(i)) for i in range(n)]

    def configs(self) -> Iterator["Config"]:
        for _, v in self.items:
            if isinstance(v, Config):
                yield v

    def walk(self, path: str = "") -> Iterator[Tuple[str, Union["Config", Entry]]]:
        """All (path, item) pairs below this config, depth first, paths joined with '/'."""
        for k, v in self.items:
            p = f"{path}/{k}" if path else k
            yield p, v
            if isinstance(v, Config):
                yield from v.walk(p)


def java_double(v: float) -> str:
    """Double.toString, as KNIME writes xdouble values: 0.95, 10000.0, 1.0E-6, 1.0E7 (shortest round-trip digits)."""
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0:
        return "-0.0" if str(v).startswith("-") else "0.0"
    if 1e-3 <= abs(v) < 1e7:
        r = repr(v)  # Python switches to exponents only below 1e-4 or from 1e16
        return r if "." in r else r + ".0"
    sign, digits, exp = Decimal(repr(v)).normalize().as_tuple()
    ds = "".join(map(str, digits))
    e10 = exp + len(ds) - 1
    mant = ds[0] + "." + (ds[1:] or "0")
    return ("-" if sign else "") + f"{mant}E{e10}"


# ---------------------------------------------------------------------------------------------------- escaping

def knime_escape(s: str) -> str:
    """XMLUtils.escape: control characters, characters above 0xd7ff and a '%%' pair become %%NNNNN."""
    out = []
    n = len(s)
    for i, ch in enumerate(s):
        c = ord(ch)
        if c < 32 or c > 0xD7FF or (i < n - 1 and ch == "%" and s[i + 1] == "%"):
            out.append("%%" + f"{c:05d}")
        else:
            out.append(ch)
    return "".join(out)


_UNESCAPE = re.compile(r"%%(\d{5})")


def knime_unescape(s: str) -> str:
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1))), s)


def _attr(s: str) -> str:
    """Attribute escaping as the JDK's XML serializer does it."""
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


# ---------------------------------------------------------------------------------------------------- writing

def to_xml(root: Config) -> bytes:
    """The bytes KNIME writes for a config tree (settings.xml / workflow.knime)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']

    def write(c: Config, depth: int):
        ind = "    " * depth
        head = f'key="{_attr(c.key)}"'
        if depth == 0:
            head = (f'xmlns="{NS}" xmlns:xsi="{XSI}" xsi:schemaLocation="{SCHEMA_LOCATION}" ' + head)
        if not c.items:
            lines.append(f"{ind}<config {head}/>")
            return
        lines.append(f"{ind}<config {head}>")
        for k, v in c.items:
            if isinstance(v, Config):
                write(v, depth + 1)
            else:
                if v.type not in ENTRY_TYPES:
                    raise ValueError(f"unknown entry type {v.type}")
                null = ' isnull="true"' if v.value is None else ""
                val = _attr(knime_escape(v.value if v.value is not None else ""))
                lines.append(f'{ind}    <entry key="{_attr(k)}" type="{v.type}"{null} value="{val}"/>')
        lines.append(f"{ind}</config>")

    write(root, 0)
    return ("\n".join(lines) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------------- reading

class FormatError(Exception):
    pass


def parse_xml(data: bytes, where: str = "") -> Config:
    """Parses a KNIME config XML file strictly: only config/entry elements, the XMLConfig namespace, known entry
    types, unique keys per config, consistent arrays. Raises FormatError naming the problem."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise FormatError(f"{where}: not well-formed XML: {e}") from e
    if root.tag != f"{{{NS}}}config":
        raise FormatError(f"{where}: root element is {root.tag}, expected <config> in namespace {NS}")
    schema = root.get(f"{{{XSI}}}schemaLocation")
    if schema != SCHEMA_LOCATION:
        raise FormatError(f"{where}: xsi:schemaLocation is {schema!r}")

    def convert(el: ET.Element, path: str) -> Config:
        key = el.get("key")
        if key is None:
            raise FormatError(f"{where}: <config> without key at {path}")
        c = Config(key)
        for child in el:
            ckey = child.get("key")
            cpath = f"{path}/{ckey}"
            if child.tag == f"{{{NS}}}config":
                item = convert(child, cpath)
            elif child.tag == f"{{{NS}}}entry":
                t = child.get("type")
                if t not in ENTRY_TYPES:
                    raise FormatError(f"{where}: entry {cpath} has unknown type {t!r}")
                if child.get("value") is None:
                    raise FormatError(f"{where}: entry {cpath} has no value attribute")
                extra = set(child.attrib) - {"key", "type", "value", "isnull"}
                if extra:
                    raise FormatError(f"{where}: entry {cpath} has unexpected attributes {sorted(extra)}")
                isnull = child.get("isnull")
                if isnull not in (None, "true"):
                    raise FormatError(f"{where}: entry {cpath} has isnull={isnull!r}")
                if isnull == "true" and child.get("value") != "":
                    raise FormatError(f"{where}: null entry {cpath} has a value")
                if isnull == "true" and t != "xstring" and t != "xpassword":
                    raise FormatError(f"{where}: null entry {cpath} of type {t}")
                v = None if isnull == "true" else knime_unescape(child.get("value"))
                _check_value(t, v, cpath, where)
                item = Entry(t, v)
            else:
                raise FormatError(f"{where}: unexpected element {child.tag} at {cpath}")
            if ckey is None:
                raise FormatError(f"{where}: element without key below {path}")
            if c.has(ckey):
                raise FormatError(f"{where}: duplicate key {cpath}")
            c.items.append((ckey, item))
        if c.has("array-size"):
            e = c.get("array-size")
            if not isinstance(e, Entry) or e.type != "xint":
                raise FormatError(f"{where}: {path}/array-size is not an xint entry")
            n = int(e.value)
            if sorted(c.keys()) != sorted(["array-size"] + [str(i) for i in range(n)]):
                raise FormatError(f"{where}: array {path} does not hold exactly the elements 0..{n - 1}")
        return c

    return convert(root, root.get("key", ""))


def _check_value(t: str, v: Optional[str], path: str, where: str):
    if v is None:
        return
    try:
        if t in ("xint", "xlong", "xshort", "xbyte"):
            int(v)
        elif t in ("xdouble", "xfloat"):
            if v not in ("NaN", "Infinity", "-Infinity"):
                float(v)
        elif t == "xboolean":
            if v not in ("true", "false"):
                raise ValueError(v)
    except ValueError as e:
        raise FormatError(f"{where}: entry {path} of type {t} has value {v!r}") from e
