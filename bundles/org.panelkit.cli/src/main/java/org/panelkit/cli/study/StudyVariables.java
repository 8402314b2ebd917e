package org.panelkit.cli.study;

import java.util.List;

import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.lq.LocationQuotients;
import org.panelkit.engine.lq.LqResult;
import org.panelkit.engine.lq.LqSpec;

/**
 * The study's variables from the raw series (docs/study.md has the definitions and what the paper leaves
 * open). Regional output Y_i is the sum of the three sectors; national totals are sums over the provinces in
 * the data (the paper uses national output; with the 30 provinces these differ only by Xizang).
 *
 * <pre>
 * TU  = (exports + imports) / Y_i                       trade's contribution to output
 * IC  = LQ of the sector chosen as "industrial cluster" (default: industry, the industrial part of the
 *       secondary sector): (Y_ij / Y_i) / (Y_j / Y)
 * IC2 = LQ of the secondary sector (robustness, Table 2)
 * CX  = patents granted per 10,000 persons
 * HUM = ln(h(E) * employment), h(E) = exp(phi(E)) with Peng (2005)'s piecewise returns
 * FDI = 100 * actual FDI / Y_i (percent)
 * GOV = government expenditure / Y_i
 * INF = long-distance optical cable, km per 10,000 persons
 * TC, TE, KS = transaction cost (% of GDP), transaction efficiency (thousand yuan per capita), knowledge
 *       spillover (% of GDP): the three channels
 * </pre>
 */
public final class StudyVariables {
    /** Which sector's location quotient is IC. */
    public enum IcSector {
        INDUSTRY("industry_output"), PRIMARY("primary_output"), SECONDARY("secondary_output"),
        TERTIARY("tertiary_output");

        final String column;

        IcSector(String column) {
            this.column = column;
        }

        public static IcSector fromKey(String key) {
            for (IcSector s : values()) {
                if (s.name().equalsIgnoreCase(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown IC sector '" + key
                    + "' (expected industry, primary, secondary or tertiary)");
        }
    }

    public static final List<String> CONTROLS = List.of("CX", "HUM", "FDI", "GOV", "INF");
    public static final List<String> CHANNELS = List.of("TC", "TE", "KS");

    private StudyVariables() {
    }

    /** Derived panel: province, region, year plus TU, IC, IC2, controls and channels. */
    public static Columns derive(ColumnSource raw, IcSector icSector) {
        int n = raw.rowCount();
        double[] pri = raw.numeric("primary_output");
        double[] sec = raw.numeric("secondary_output");
        double[] ter = raw.numeric("tertiary_output");
        double[] ind = raw.numeric("industry_output");
        double[] y = new double[n];
        double[] rest = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = pri[i] + sec[i] + ter[i];
        }
        Columns sectors = new Columns(n).addKey("province", raw.key("province")).addKey("year", raw.key("year"))
                .addNumeric("primary_output", pri).addNumeric("secondary_output", sec)
                .addNumeric("tertiary_output", ter);
        LqResult threeSectors = LocationQuotients.compute(sectors,
                LqSpec.wideFormat("province", "year", List.of("primary_output", "secondary_output", "tertiary_output"))
                        .build());
        double[] ic;
        if (icSector == IcSector.INDUSTRY) {
            // industry is part of the secondary sector: its LQ against the rest of the economy keeps Y_i whole
            for (int i = 0; i < n; i++) {
                rest[i] = y[i] - ind[i];
            }
            Columns two = new Columns(n).addKey("province", raw.key("province")).addKey("year", raw.key("year"))
                    .addNumeric("industry_output", ind).addNumeric("rest_of_economy", rest);
            ic = LocationQuotients.compute(two,
                    LqSpec.wideFormat("province", "year", List.of("industry_output", "rest_of_economy")).build())
                    .lq("industry_output");
        } else {
            ic = threeSectors.lq(icSector.column);
        }
        double[] ic2 = threeSectors.lq("secondary_output");
        double[] exp = raw.numeric("exports");
        double[] imp = raw.numeric("imports");
        double[] pat = raw.numeric("patents_granted");
        double[] pop = raw.numeric("population");
        double[] edu = raw.numeric("schooling_years");
        double[] emp = raw.numeric("employment");
        double[] fdi = raw.numeric("fdi");
        double[] gov = raw.numeric("gov_expenditure");
        double[] cable = raw.numeric("optical_cable_km");
        double[] tc = raw.numeric("transaction_cost");
        double[] te = raw.numeric("transaction_efficiency");
        double[] ks = raw.numeric("knowledge_spillover");
        double[] tu = new double[n];
        double[] cx = new double[n];
        double[] hum = new double[n];
        double[] fdiShare = new double[n];
        double[] govShare = new double[n];
        double[] inf = new double[n];
        double[] teK = new double[n];
        for (int i = 0; i < n; i++) {
            tu[i] = (exp[i] + imp[i]) / y[i];
            cx[i] = pat[i] / pop[i];
            hum[i] = Math.log(StudyDataGenerator.humanCapitalPerWorker(edu[i]) * emp[i]);
            fdiShare[i] = 100 * fdi[i] / y[i];
            govShare[i] = gov[i] / y[i];
            inf[i] = cable[i] / pop[i];
            teK[i] = te[i] / 1000;
        }
        return new Columns(n).addKey("province", raw.key("province")).addKey("region", raw.key("region"))
                .addKey("year", raw.key("year")).addNumeric("TU", tu).addNumeric("IC", ic).addNumeric("IC2", ic2)
                .addNumeric("CX", cx).addNumeric("HUM", hum).addNumeric("FDI", fdiShare).addNumeric("GOV", govShare)
                .addNumeric("INF", inf).addNumeric("TC", tc).addNumeric("TE", teK).addNumeric("KS", ks);
    }
}
