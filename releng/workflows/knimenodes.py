"""Settings of the KNIME nodes the example workflows use, as KNIME 5.7 saves them (settings.xml, "model" subtree).

Learned from KNIME's sources at tag analytics-platform/5.7.0 (knime-base, knime-base-expressions,
knime-filehandling-core, knime-core, knime-core-ui) and from workflows saved by KNIME 5.4 to 5.8; nothing is copied
from them. Each builder returns the "model" Config of one node; generate.py wraps it into settings.xml.

Conventions of the classic SettingsModel API: SettingsModel.saveSettingsTo writes "<key>_Internals" (SettingsModelID,
EnabledStatus) before the model's own entries. The file-handling settings (reader file chooser, file system chooser)
store an FSLocation as {location_present, file_system_type, [file_system_specifier], path}.
"""

from __future__ import annotations

from typing import List, Optional, Sequence

from knimexml import Config

EXPRESSION_LANGUAGE_VERSION = 1  # org.knime.core.expressions: Expressions.LANGUAGE_VERSION (5.7)
EXPRESSION_FUNCTIONS_VERSION = 1  # BuiltInFunctions.FUNCTIONS_VERSION
EXPRESSION_AGGREGATIONS_VERSION = 1  # BuiltInAggregations.AGGREGATIONS_VERSION
CUSTOM_URL_TIMEOUT = 10000  # URIFSConnectionConfig.DEFAULT_TIMEOUT_MILLIS

TABLE = "org.knime.core.node.BufferedDataTable"


def _internals(c: Config, key: str, model_id: str, enabled: bool = True):
    c.config(key + "_Internals").string("SettingsModelID", model_id).bool_("EnabledStatus", enabled)


def _fs_internals(c: Config, category: str, overwritten_by_variable: bool):
    """file_system_chooser__Internals of a FileSystemConfiguration with every convenience file system."""
    i = c.config("file_system_chooser__Internals")
    i.bool_("has_fs_port", False)
    i.bool_("overwritten_by_variable", overwritten_by_variable)
    i.string("convenience_fs_category", category)
    i.string("relative_to", "knime.workflow")  # RelativeToSpecificConfig
    i.string("mountpoint", "LOCAL")  # MountpointSpecificConfig
    i.string("spaceId", "")  # HubSpaceSpecificConfig
    i.string("spaceName", "")
    i.int_("custom_url_timeout", CUSTOM_URL_TIMEOUT)  # CustomURLSpecificConfig
    i.bool_("connected_fs", True)  # ConnectedFileSystemSpecificConfig


def _custom_url_location(c: Config, key: str, url: str):
    p = c.config(key)
    p.bool_("location_present", True)
    p.string("file_system_type", "CUSTOM_URL")
    p.string("file_system_specifier", str(CUSTOM_URL_TIMEOUT))
    p.string("path", url)


# --------------------------------------------------------------------------------------------------- CSV Reader

def csv_reader(url: str, overwritten_by_variable: bool) -> Config:
    """CSVTableReaderNodeFactory (classic file-handling reader, 5.7): reads one file from a Custom/KNIME URL.
    No stored table spec (save_table_spec_config false): the columns and types are guessed from the file at each
    configure, so that the data_path variable can point to another file with the same columns."""
    m = Config("model")
    s = m.config("settings")
    _internals(s, "file_selection", "SMID_ReaderFileChooser")
    fs = s.config("file_selection")
    _fs_internals(fs, "CUSTOM_URL", overwritten_by_variable)
    _custom_url_location(fs, "path", url)
    _internals(fs, "filter_mode", "SMID_FilterMode")
    fm = fs.config("filter_mode")
    fm.string("filter_mode", "FILE")
    fm.bool_("include_subfolders", False)
    fo = fm.config("filter_options")
    fo.bool_("filter_files_extension", False)
    fo.string("files_extension_expression", "")
    fo.bool_("files_extension_case_sensitive", False)
    fo.bool_("filter_files_name", False)
    fo.string("files_name_expression", "*")
    fo.bool_("files_name_case_sensitive", False)
    fo.string("files_name_filter_type", "WILDCARD")
    fo.bool_("include_hidden_files", False)
    fo.bool_("include_special_files", True)
    fo.bool_("filter_folders_name", False)
    fo.string("folders_name_expression", "*")
    fo.bool_("folders_name_case_sensitive", False)
    fo.string("folders_name_filter_type", "WILDCARD")
    fo.bool_("include_hidden_folders", False)
    fo.bool_("follow_links", True)
    # settings tab (CSVMultiTableReadConfigSerializer.saveSettingsTab)
    s.bool_("has_column_header", True)
    s.bool_("has_row_id", False)
    s.bool_("support_short_data_rows", False)
    s.bool_("skip_empty_data_rows", False)
    s.bool_("prepend_file_idx_to_row_id", False)
    s.string("comment_char", "#")
    s.string("column_delimiter", ",")
    s.string("quote_char", '"')
    s.string("quote_escape_char", '"')
    s.bool_("use_line_break_row_delimiter", True)
    s.string("row_delimiter", "\r\n")
    s.int_("autodetect_buffer_size", 1048576)
    a = m.config("advanced_settings")
    a.bool_("fail_on_differing_specs", True)
    a.bool_("append_path_column_Internals", False)
    a.string("path_column_name_Internals", "File Path")
    a.bool_("limit_data_rows_scanned", False)
    a.long_("max_data_rows_scanned", 10000)
    a.bool_("save_table_spec_config_Internals", False)
    a.bool_("check_table_spec", False)
    a.bool_("limit_memory_per_column", True)
    a.int_("maximum_number_of_columns", 8192)
    a.string("quote_option", "REMOVE_QUOTES_AND_TRIM")
    a.bool_("replace_empty_quotes_with_missing", True)
    a.bool_("no_row_delimiters_in_quotes", False)
    a.long_("min_chunk_size_in_bytes", 67108864)
    a.int_("max_num_chunks_per_file", 6)
    a.string("thousands_separator", "\0")
    a.string("decimal_separator", ".")
    lr = m.config("limit_rows")
    lr.bool_("skip_lines", False)
    lr.long_("number_of_lines_to_skip", 1)
    lr.bool_("skip_data_rows", False)
    lr.long_("number_of_rows_to_skip", 1)
    lr.bool_("limit_data_rows", False)
    lr.long_("max_rows", 50)
    m.config("encoding").string("charset", "UTF-8")
    return m


CSV_READER_PATH_VARIABLE = ["settings", "file_selection", "path"]


# ------------------------------------------------------------------------------------------ String to Path (Var)

def string_to_path_variable(include: Sequence[str], exclude: Sequence[str]) -> Config:
    """StringToPathVariableNodeFactory (5.7): converts the selected String variables into Path variables named
    <name>_location, on the Custom/KNIME URL file system (so knime://, file:/ and http URLs all work)."""
    m = Config("model")
    f = m.config("variable_filter")  # FlowVariableFilterConfiguration -> NameFilterConfiguration
    f.string("filter-type", "STANDARD")
    f.string_array("included_names", list(include))
    f.string_array("excluded_names", list(exclude))
    f.string("enforce_option", "EnforceInclusion")
    p = f.config("name_pattern")
    p.string("pattern", "")
    p.string("type", "Wildcard")
    p.bool_("caseSensitive", True)
    p.bool_("excludeMatching", False)
    _internals(m, "on_fv_conflict_make_unique", "SMID_boolean")
    m.bool_("on_fv_conflict_make_unique", False)
    _internals(m, "suffix", "SMID_string")
    m.string("suffix", "_location")
    _internals(m, "file_system", "SMID_file_system")
    fs = m.config("file_system")
    _fs_internals(fs, "CUSTOM_URL", False)
    spec = fs.config("location_spec")
    spec.bool_("location_present", True)
    spec.string("file_system_type", "CUSTOM_URL")
    spec.string("file_system_specifier", str(CUSTOM_URL_TIMEOUT))
    _internals(m, "fail_on_missing_file_folder", "SMID_boolean")
    m.bool_("fail_on_missing_file_folder", False)  # the CSV Reader reports a missing file itself
    return m


# --------------------------------------------------------------------------------------------- Expression nodes

def _expression_versions(m: Config):
    m.int_("languageVersion", EXPRESSION_LANGUAGE_VERSION)
    m.int_("builtinFunctionsVersion", EXPRESSION_FUNCTIONS_VERSION)
    m.int_("builtinAggregationsVersion", EXPRESSION_AGGREGATIONS_VERSION)


def expression(columns: List[tuple]) -> Config:
    """ExpressionRowMapperNodeFactory ("Expression", 5.7): one appended column per (name, expression); the first
    at the top level, the others under additionalExpressions/0, 1, ... (ExpressionRowMapperSettings)."""
    if not columns:
        raise ValueError("an Expression node needs at least one expression")
    m = Config("model")
    name, script = columns[0]
    m.string("script", script)
    m.string("columnOutputMode", "APPEND")
    m.string("createdColumn", name)
    m.string("replacedColumn", "")
    _expression_versions(m)
    add = m.config("additionalExpressions")
    for i, (name, script) in enumerate(columns[1:]):
        e = add.config(str(i))
        e.string("script", script)
        e.string("columnOutputMode", "APPEND")
        e.string("createdColumn", name)
        e.string("replacedColumn", "")
    return m


def expression_row_filter(script: str) -> Config:
    """ExpressionRowFilterNodeFactory ("Expression Row Filter", 5.7): keeps the rows where the script is true."""
    m = Config("model")
    m.string("script", script)
    _expression_versions(m)
    return m


def variable_expression(variables: List[tuple]) -> Config:
    """ExpressionFlowVariableNodeFactory ("Variable Expression", 5.7): (name, expression, return type) triples,
    all under additionalExpressions/0, 1, ... (ExpressionFlowVariableSettings.saveSettingsTo)."""
    m = Config("model")
    _expression_versions(m)
    add = m.config("additionalExpressions")
    for i, (name, script, return_type) in enumerate(variables):
        if return_type not in ("String", "Long", "Integer", "Boolean", "Double"):
            raise ValueError(f"flow variable return type {return_type}")
        e = add.config(str(i))
        e.string("script", script)
        e.string("outputMode", "APPEND")
        e.string("createdFlowVariable", name)
        e.string("replacedFlowVariable", "")
        e.string("flowVariableReturnType", return_type)
    return m


# -------------------------------------------------------------------------------------------------- Column Filter

def column_filter(include: Sequence[str], exclude: Sequence[str] = ()) -> Config:
    """DataColumnSpecFilterNodeFactory (5.7, web dialog, legacy "column-filter" format): keeps exactly the listed
    columns; columns unknown at configuration time are excluded (EnforceInclusion)."""
    m = Config("model")
    f = m.config("column-filter")
    f.string("filter-type", "STANDARD")
    f.string_array("included_names", list(include))
    f.string_array("excluded_names", list(exclude))
    f.string("enforce_option", "EnforceInclusion")
    p = f.config("name_pattern")
    p.string("pattern", "")
    p.bool_("caseSensitive", True)
    p.bool_("excludeMatching", False)
    p.string("type", "Wildcard")
    f.config("datatype").config("typelist")
    return m


# ---------------------------------------------------------------------------------------- Table Difference Checker

EQUALITY = "org.knime.testing.internal.diffcheckers.EqualityChecker$Factory"
EPSILON = "org.knime.testing.internal.diffcheckers.EpsilonNumberChecker$Factory"


def table_difference_checker(string_columns: Sequence[str], number_columns: Sequence[str],
                             epsilon: float) -> Config:
    """DifferenceCheckerNodeFactory (KNIME Testing Framework): input 1 = table under test, input 2 = reference.
    Strings must be equal, numbers within an absolute epsilon; domains and column properties are not compared
    (the reference is read from CSV, the test table comes from a node), row IDs neither."""
    m = Config("model")
    for col in list(string_columns) + list(number_columns):
        c = m.config("columnConfig_" + col)
        c.string("checkerFactory", EQUALITY if col in string_columns else EPSILON)
        i = c.config("internals")
        for key, value in (("ignoreColumnProperties", True), ("ignoreColumnElementNames", False),
                           ("ignoreDomain", True), ("ignoreDomainPossibleValuesOrdering", False)):
            _internals(i, key, "SMID_boolean")
            i.bool_(key, value)
        if col in number_columns:
            _internals(i, "epsilon", "SMID_double")
            i.double("epsilon", epsilon)
    m.bool_("ignoreRowIds", True)
    return m


# ----------------------------------------------------------------------------------------- node creation config

def creation_config(groups: Sequence[str], configured: Optional[dict] = None) -> Config:
    """node_creation_config of a ConfigurableNodeFactory: one config per port group (fixed groups stay empty,
    extendable groups hold port_0, port_1, ... with the object_class of each added port)."""
    c = Config("node_creation_config")
    for g in groups:
        gc = c.config(g)
        for i, cls in enumerate((configured or {}).get(g, [])):
            gc.config(f"port_{i}").string("object_class", cls)
    return c
