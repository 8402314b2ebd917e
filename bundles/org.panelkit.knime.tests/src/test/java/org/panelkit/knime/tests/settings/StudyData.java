package org.panelkit.knime.tests.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.port.PortObjectSpec;
import org.panelkit.knime.support.fe.RegressionReport;
import org.panelkit.knime.table.KnimeTables;

/**
 * The study's synthetic raw panel (workflows/data/synthetic_study_raw.csv: 30 provinces x 2001-2021) as a KNIME
 * table, typed the way KNIME's CSV Reader types it (a column whose values are all whole numbers is an integer
 * column, all numbers a double column, else a string column; empty cells are missing), plus the tables a workflow
 * derives from it.
 */
public final class StudyData {

    /** The columns of the study panel that are strings (all others are numbers). */
    public static final List<String> STRING_COLUMNS = List.of("province", "region");

    private static StudyData instance;

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    private StudyData(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = rows;
    }

    /** The study panel, read once. */
    public static synchronized StudyData get() {
        if (instance == null) {
            instance = read(repositoryRoot().resolve("workflows/data/synthetic_study_raw.csv"));
        }
        return instance;
    }

    /** The PanelKit checkout (system property panelkit.root, set by the test bundle's pom). */
    public static Path repositoryRoot() {
        String root = System.getProperty("panelkit.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("workflows/data"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("PanelKit checkout not found: set -Dpanelkit.root");
        }
        return p;
    }

    public DataTableSpec spec() {
        return m_spec;
    }

    public List<DataRow> rows() {
        return m_rows;
    }

    /** Names of the numeric columns (integer and double), in table order. */
    public List<String> numericColumns() {
        return m_spec.stream().filter(c -> c.getType().isCompatible(DoubleValue.class)).map(DataColumnSpec::getName)
            .toList();
    }

    /** Names of all columns, in table order. */
    public List<String> allColumns() {
        return m_spec.stream().map(DataColumnSpec::getName).toList();
    }

    /** The mapping table of the study's regions: one row per province, columns province and region (strings). */
    public DataTableSpec mappingSpec() {
        return new DataTableSpec("mapping", new DataColumnSpecCreator("province", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("region", StringCell.TYPE).createSpec());
    }

    public List<DataRow> mappingRows() {
        int p = m_spec.findColumnIndex("province");
        int r = m_spec.findColumnIndex("region");
        Map<String, String> regions = new LinkedHashMap<>();
        for (DataRow row : m_rows) {
            regions.putIfAbsent(row.getCell(p).toString(), row.getCell(r).toString());
        }
        List<DataRow> rows = new ArrayList<>();
        int i = 0;
        for (var e : regions.entrySet()) {
            rows.add(new DefaultRow(RowKey.createRowKey((long)i++), new StringCell(e.getKey()),
                new StringCell(e.getValue())));
        }
        return rows;
    }

    /** The specs of a Panel Regression's coefficient and statistics outputs (what the report nodes read). */
    public static DataTableSpec coefficientsSpec() {
        return KnimeTables.spec(RegressionReport.COEFFICIENT_COLUMNS);
    }

    public static DataTableSpec statisticsSpec() {
        return KnimeTables.spec(RegressionReport.STATISTICS_COLUMNS);
    }

    /** The input specs a realistic workflow gives the node. */
    public PortObjectSpec[] inputSpecs(final NodeUnderTest.Inputs inputs) {
        return switch (inputs) {
            case STUDY -> new PortObjectSpec[]{m_spec};
            case STUDY_AND_MAPPING -> new PortObjectSpec[]{m_spec, mappingSpec()};
            case MODELS -> new PortObjectSpec[]{coefficientsSpec(), statisticsSpec(), coefficientsSpec(),
                statisticsSpec()};
        };
    }

    private static StudyData read(final Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        List<String[]> values = lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        DataType[] types = new DataType[header.length];
        DataColumnSpec[] columns = new DataColumnSpec[header.length];
        for (int c = 0; c < header.length; c++) {
            types[c] = type(values, c);
            columns[c] = new DataColumnSpecCreator(header[c], types[c]).createSpec();
        }
        List<DataRow> rows = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) {
            String[] v = values.get(r);
            DataCell[] cells = new DataCell[header.length];
            for (int c = 0; c < header.length; c++) {
                cells[c] = cell(types[c], c < v.length ? v[c] : "");
            }
            rows.add(new DefaultRow(RowKey.createRowKey((long)r), cells));
        }
        return new StudyData(new DataTableSpec("synthetic_study_raw", columns), List.copyOf(rows));
    }

    private static DataType type(final List<String[]> values, final int c) {
        boolean integers = true;
        boolean numbers = true;
        for (String[] v : values) {
            String s = c < v.length ? v[c].trim() : "";
            if (s.isEmpty()) {
                continue;
            }
            integers &= s.matches("-?\\d{1,9}");
            numbers &= s.matches("-?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");
        }
        return integers ? IntCell.TYPE : numbers ? DoubleCell.TYPE : StringCell.TYPE;
    }

    private static DataCell cell(final DataType type, final String value) {
        String s = value.trim();
        if (s.isEmpty()) {
            return DataType.getMissingCell();
        }
        if (type.equals(IntCell.TYPE)) {
            return new IntCell(Integer.parseInt(s));
        }
        if (type.equals(DoubleCell.TYPE)) {
            return new DoubleCell(Double.parseDouble(s));
        }
        return new StringCell(s);
    }
}
