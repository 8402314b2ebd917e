package org.panelkit.engine.data;

import java.util.List;

/**
 * Named columns of one table as the engine reads them: numbers (missing = NaN) and categorical keys. The
 * command line implements it over a CSV file, the KNIME layer over a data table. Implementations throw
 * {@link org.panelkit.engine.PanelKitException} naming the column when it does not exist or has a cell that
 * is not a number.
 */
public interface ColumnSource {

    int rowCount();

    List<String> columnNames();

    boolean has(String name);

    /** A numeric column, NaN where the cell is missing. */
    double[] numeric(String name);

    /** A categorical column (numbers or text). */
    KeyColumn key(String name);

    /**
     * How rows are named in messages: {@code "row 17"} by default. The CSV reader gives line numbers, the
     * KNIME adapter row keys.
     */
    default String rowLabel(int row) {
        return "row " + (row + 1);
    }
}
