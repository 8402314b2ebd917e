package org.panelkit.knime.tests.bench;

import java.util.SplittableRandom;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.panelkit.knime.tests.SourceNodeFactory;

/**
 * The benchmark panel of releng/bench (issue 2): {@code entities} x {@code years}, each row dropped with
 * probability 0.1, regressors x1..x5 ~ N(0,1) plus an entity component, y = x'b + a_i + g_t + e, b = (1, -0.5,
 * 0.25, 0, 2), seeded. Rows are generated while the table is written (no copy held in memory).
 */
public final class SimulatedPanelNodeFactory extends SourceNodeFactory {
    static final String[] X = {"x1", "x2", "x3", "x4", "x5"};

    private static final double[] BETA = {1, -0.5, 0.25, 0, 2};

    private final int m_entities;

    private final int m_years;

    public SimulatedPanelNodeFactory(final int entities, final int years) {
        m_entities = entities;
        m_years = years;
    }

    static DataTableSpec spec() {
        DataColumnSpec[] c = new DataColumnSpec[3 + X.length];
        c[0] = new DataColumnSpecCreator("id", IntCell.TYPE).createSpec();
        c[1] = new DataColumnSpecCreator("year", IntCell.TYPE).createSpec();
        c[2] = new DataColumnSpecCreator("y", DoubleCell.TYPE).createSpec();
        for (int j = 0; j < X.length; j++) {
            c[3 + j] = new DataColumnSpecCreator(X[j], DoubleCell.TYPE).createSpec();
        }
        return new DataTableSpec(c);
    }

    @Override
    protected DataTableSpec[] specs() {
        return new DataTableSpec[]{spec()};
    }

    @Override
    protected BufferedDataTable[] tables(final ExecutionContext exec) throws Exception {
        SplittableRandom rnd = new SplittableRandom(20251207L);
        double[] yearEffect = new double[m_years];
        for (int t = 0; t < m_years; t++) {
            yearEffect[t] = rnd.nextGaussian();
        }
        BufferedDataContainer c = exec.createDataContainer(spec());
        long row = 0;
        for (int i = 0; i < m_entities; i++) {
            double a = rnd.nextGaussian();
            for (int t = 0; t < m_years; t++) {
                if (rnd.nextDouble() < 0.1) {
                    continue;
                }
                DataCell[] cells = new DataCell[3 + X.length];
                double y = a + yearEffect[t] + rnd.nextGaussian();
                for (int j = 0; j < X.length; j++) {
                    double x = rnd.nextGaussian() + 0.5 * a;
                    y += BETA[j] * x;
                    cells[3 + j] = new DoubleCell(x);
                }
                cells[0] = new IntCell(i);
                cells[1] = new IntCell(2000 + t);
                cells[2] = new DoubleCell(y);
                c.addRowToTable(new DefaultRow(RowKey.createRowKey(row++), cells));
            }
            if ((i & 0x3FFF) == 0) {
                exec.checkCanceled();
            }
        }
        c.close();
        return new BufferedDataTable[]{c.getTable()};
    }
}
