package org.panelkit.cli.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.panelkit.engine.regions.ChinaRegions;
import org.panelkit.engine.regions.Province;
import org.panelkit.engine.regions.RegionGrouping;

/**
 * Synthetic demonstration data shaped like the study's panel — NOT the study's data (its provincial
 * yearbook data are not public). 30 provinces (real names and GB/T 2260 codes, NBS regions; Xizang excluded
 * as in the study) x 2001-2021, with the raw series every study variable is built from (docs/study.md):
 *
 * <ul>
 * <li>output by sector (primary, secondary and its industrial part, tertiary; GDP their sum), 100 million
 * yuan; exports and imports, 100 million yuan (TU = (exports + imports) / GDP);</li>
 * <li>patents granted and population, 10,000 persons (CX); average years of schooling and employment,
 * 10,000 persons (HUM); actual FDI, government expenditure, 100 million yuan; long-distance optical cable,
 * km (INF);</li>
 * <li>proxies of the three channels: transaction cost (logistics cost, % of GDP), transaction efficiency
 * (postal and telecom business per capita, yuan), knowledge spillover (technology-market turnover, % of
 * GDP).</li>
 * </ul>
 *
 * The process: trade quality TU responds to industrial clustering IC (the industrial sector's location
 * quotient) directly and through the three channels, with a slope that is largest in the East, small in the
 * Centre, moderate in the West, and lower from 2017 on (the trade shock); province and year effects; about
 * 5% of the raw cells are then knocked out at random so interpolation matters. Deterministic for a seed:
 * {@link SplittableRandom} with Box-Muller normals, draws in a fixed order (province, then year, then
 * variable); numbers are written with fixed decimals.
 */
public final class StudyDataGenerator {
    /** The seed of the committed data set. */
    public static final long DEFAULT_SEED = 20250215L;
    public static final int FIRST_YEAR = 2001;
    public static final int LAST_YEAR = 2021;
    /** Share of raw cells knocked out. */
    static final double MISSING_SHARE = 0.05;

    /** Raw columns in file order, with the decimals they are written with. */
    static final String[] COLUMNS = {"province_code", "province", "region", "year", "gdp", "primary_output",
        "secondary_output", "industry_output", "tertiary_output", "exports", "imports", "patents_granted",
        "population", "schooling_years", "employment", "fdi", "gov_expenditure", "optical_cable_km",
        "transaction_cost", "transaction_efficiency", "knowledge_spillover"};
    private static final int[] DECIMALS = {0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 0, 2, 3, 2, 2, 2, 1, 3, 1, 3};
    /** Columns that may be knocked out (the raw series, not the keys). */
    private static final int FIRST_SERIES = 4;

    private StudyDataGenerator() {
    }

    /** The data as rows of formatted cells (header not included). */
    public static List<String[]> generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Province> provinces = new ArrayList<>();
        for (Province p : ChinaRegions.standard().provinces()) {
            if (!p.code().startsWith("54")) { // Xizang
                provinces.add(p);
            }
        }
        int years = LAST_YEAR - FIRST_YEAR + 1;
        double[] yearEffect = new double[years];
        for (int t = 0; t < years; t++) {
            yearEffect[t] = 0.02 * normal(rnd);
        }
        List<double[][]> series = new ArrayList<>(); // per province: [year][column]
        List<String> regionOf = new ArrayList<>();
        // pass 1: everything but trade (TU depends on IC, which needs the national totals)
        for (Province p : provinces) {
            String region = p.group(RegionGrouping.NBS3);
            regionOf.add(region);
            series.add(province(rnd, region, years));
        }
        double[] nationalIndustry = new double[years];
        double[] nationalGdp = new double[years];
        for (double[][] s : series) {
            for (int t = 0; t < years; t++) {
                nationalIndustry[t] += s[t][IND];
                nationalGdp[t] += s[t][GDP];
            }
        }
        // pass 2: channels and trade
        for (int i = 0; i < provinces.size(); i++) {
            trade(rnd, series.get(i), regionOf.get(i), nationalIndustry, nationalGdp, yearEffect);
        }
        // pass 3: knock out cells and format
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < provinces.size(); i++) {
            Province p = provinces.get(i);
            for (int t = 0; t < years; t++) {
                double[] v = series.get(i)[t];
                String[] row = new String[COLUMNS.length];
                row[0] = p.code();
                row[1] = p.nameEn();
                row[2] = regionOf.get(i);
                row[3] = Integer.toString(FIRST_YEAR + t);
                for (int c = FIRST_SERIES; c < COLUMNS.length; c++) {
                    boolean missing = rnd.nextDouble() < MISSING_SHARE;
                    row[c] = missing ? "" : format(v[c], DECIMALS[c]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    // indices into a year's value array (same as COLUMNS)
    private static final int GDP = 4;
    private static final int PRI = 5;
    private static final int SEC = 6;
    private static final int IND = 7;
    private static final int TER = 8;
    private static final int EXP = 9;
    private static final int IMP = 10;
    private static final int PAT = 11;
    private static final int POP = 12;
    private static final int EDU = 13;
    private static final int EMP = 14;
    private static final int FDI = 15;
    private static final int GOV = 16;
    private static final int CABLE = 17;
    private static final int TC = 18;
    private static final int TE = 19;
    private static final int KS = 20;

    private static double[][] province(SplittableRandom rnd, String region, int years) {
        boolean east = region.equals("East");
        boolean west = region.equals("West");
        double[][] v = new double[years][COLUMNS.length];
        double pop = Math.exp(Math.log(east ? 4500 : 3500) + 0.55 * normal(rnd));
        double gdpPc = (east ? 1.6 : west ? 0.55 : 0.7) * Math.exp(0.25 * normal(rnd)); // 10,000 yuan per person
        double primary = (east ? 0.09 : west ? 0.19 : 0.17) + 0.02 * normal(rnd);
        double secondary = 0.46 + 0.04 * normal(rnd);
        double industryShare = 0.86 + 0.03 * normal(rnd);
        double speciality = 0.06 * normal(rnd); // persistent industrial specialisation
        double edu = (east ? 8.3 : west ? 7.0 : 7.6) + 0.4 * normal(rnd);
        double patentsPc = (east ? 1.2 : 0.35) * Math.exp(0.4 * normal(rnd)); // per 10,000 persons
        double fdiShare = (east ? 0.045 : west ? 0.008 : 0.015) * Math.exp(0.3 * normal(rnd));
        double govShare = (west ? 0.22 : east ? 0.11 : 0.15) * Math.exp(0.15 * normal(rnd));
        double cablePc = (west ? 9 : 6) * Math.exp(0.3 * normal(rnd)); // km per 10,000 persons
        double shock = 0;
        for (int t = 0; t < years; t++) {
            double[] y = v[t];
            pop *= 1.005 + 0.003 * normal(rnd);
            gdpPc *= 1 + (t < 12 ? 0.11 : 0.065) + 0.015 * normal(rnd);
            primary = Math.max(0.03, primary * (0.965 + 0.01 * normal(rnd)));
            shock = 0.7 * shock + 0.012 * normal(rnd);
            double sec = Math.max(0.25, secondary - 0.004 * Math.max(0, t - 8) + speciality + shock);
            y[POP] = pop;
            y[GDP] = gdpPc * pop;
            y[PRI] = y[GDP] * primary;
            y[SEC] = y[GDP] * sec;
            y[IND] = y[SEC] * Math.min(0.97, industryShare + 0.01 * normal(rnd));
            y[TER] = y[GDP] - y[PRI] - y[SEC];
            edu += 0.09 + 0.03 * normal(rnd);
            y[EDU] = edu;
            y[EMP] = pop * (0.52 + 0.02 * normal(rnd));
            patentsPc *= 1.14 + 0.04 * normal(rnd);
            y[PAT] = Math.round(patentsPc * pop);
            y[FDI] = y[GDP] * fdiShare * Math.exp(0.15 * normal(rnd)) * (t < 10 ? 1.0 : 0.8);
            y[GOV] = y[GDP] * govShare * (1 + 0.01 * t) * Math.exp(0.05 * normal(rnd));
            cablePc *= 1.06 + 0.03 * normal(rnd);
            y[CABLE] = cablePc * pop;
        }
        return v;
    }

    /**
     * Channels and trade. IC = (industry_i / GDP_i) / (industry_national / GDP_national). Each channel
     * responds to IC (a_k); TU = alpha_i + year effect + c'_r(t) IC + sum_k b_k M_k + controls + noise.
     */
    private static void trade(SplittableRandom rnd, double[][] v, String region, double[] natInd, double[] natGdp,
            double[] yearEffect) {
        boolean east = region.equals("East");
        boolean west = region.equals("West");
        double direct = east ? 1.7 : west ? 0.2 : 0.02;
        double level = (east ? 0.55 : west ? 0.02 : 0.06) + 0.04 * normal(rnd);
        double tcLevel = 12 + normal(rnd);
        double teLevel = 300 + 40 * normal(rnd);
        double ksLevel = 0.6 + 0.15 * normal(rnd);
        double exportShare = 0.52 + 0.06 * normal(rnd);
        double channelGain = east ? 1.0 : west ? 0.25 : 0.15;
        for (int t = 0; t < v.length; t++) {
            double[] y = v[t];
            double ic = (y[IND] / y[GDP]) / (natInd[t] / natGdp[t]);
            boolean post = FIRST_YEAR + t >= 2017;
            double gain = post ? 0.45 : 1.0; // the 2017 trade shock weakens the clustering effect
            // channels: transaction cost falls, efficiency and spillover rise with clustering
            double tc = tcLevel - 0.15 * t - 4.0 * channelGain * (ic - 1) + 0.5 * normal(rnd);
            double te = teLevel * Math.pow(1.12, t) + 700 * channelGain * (ic - 1) * Math.pow(1.05, t)
                    + 25 * normal(rnd);
            double ks = ksLevel + 0.05 * t + 1.5 * channelGain * (ic - 1) + 0.1 * normal(rnd);
            y[TC] = tc;
            y[TE] = te;
            y[KS] = ks;
            double cx = y[PAT] / y[POP];
            double hum = Math.log(humanCapitalPerWorker(y[EDU]) * y[EMP]);
            double fdi = 100 * y[FDI] / y[GDP];
            double gov = y[GOV] / y[GDP];
            double inf = y[CABLE] / y[POP];
            double tu = level + yearEffect[t] + gain * direct * (ic - 1)
                    - 0.035 * gain * (tc - tcLevel) + 0.00012 * gain * (te - teLevel * Math.pow(1.12, t))
                    + 0.12 * gain * (ks - ksLevel - 0.05 * t)
                    + 0.004 * cx + 0.04 * (hum - 7) + 0.05 * fdi - 0.8 * gov + 0.006 * inf
                    + 0.03 * normal(rnd);
            tu = Math.max(0.01, tu);
            double trade = tu * y[GDP];
            y[EXP] = trade * exportShare;
            y[IMP] = trade - y[EXP];
        }
    }

    /**
     * h = exp(phi(E)) with Peng (2005)'s piecewise Mincer returns: 13.4% a year for the first 6 years of
     * schooling, 10.1% for years 6-12, 6.8% beyond 12 (Hall and Jones 1999 / Psacharopoulos 1994).
     */
    public static double humanCapitalPerWorker(double years) {
        double phi = 0.134 * Math.min(years, 6) + 0.101 * Math.max(0, Math.min(years, 12) - 6)
                + 0.068 * Math.max(0, years - 12);
        return Math.exp(phi);
    }

    private static double normal(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double w = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }

    private static String format(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The CSV text (header and rows, '\n' line ends) of the data for a seed. */
    public static String csv(long seed) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (String[] row : generate(seed)) {
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }
}
