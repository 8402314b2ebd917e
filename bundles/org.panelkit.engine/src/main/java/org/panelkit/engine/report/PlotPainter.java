package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.panelkit.engine.PanelKitException;

/**
 * Lays out and draws a {@link CoefficientPlot} on a {@link PlotCanvas}: title, row labels and y-axis title on the
 * left, the plotting area with grid lines, the zero line and the whiskers, the x axis with ticks and its title,
 * then the legend. Text is measured on the canvas, so the layout fits the font actually used.
 */
final class PlotPainter {
    private static final String BLACK = "#000000";
    private static final String GRID = "#d0d0d0";
    private static final double PAD = 12;

    /** The pixel size of the whole plot and of one model row. */
    static final class Size {
        final int width;
        final int height;
        final double rowHeight;

        Size(int width, int height, double rowHeight) {
            this.width = width;
            this.height = height;
            this.rowHeight = rowHeight;
        }
    }

    private final CoefficientPlot plot;
    private final PlotOptions o;
    private final double font;
    private final double small;
    private final List<String> termLabels = new ArrayList<>();

    PlotPainter(CoefficientPlot plot) {
        this.plot = plot;
        this.o = plot.options();
        this.font = o.fontSize();
        this.small = Math.round(o.fontSize() * 0.9 * 10) / 10.0;
        for (String t : o.terms()) {
            termLabels.add(o.labelOf(t));
        }
    }

    private int rows() {
        return plot.modelLabels().size();
    }

    private boolean legend() {
        return o.terms().size() > 1;
    }

    private double top() {
        return PAD + (o.title() != null ? font * 1.2 + 12 : 0);
    }

    private double left(PlotCanvas c) {
        double labels = 0;
        for (String l : plot.modelLabels()) {
            labels = Math.max(labels, c.textWidth(l, font, false));
        }
        double yTitle = hasYTitle() ? font * 1.6 : 0;
        return PAD + yTitle + labels + 10;
    }

    private boolean hasYTitle() {
        return o.yLabel() != null && !o.yLabel().isBlank();
    }

    private double right() {
        return PAD + 12;
    }

    /** Legend items laid out in lines of at most the plot width: each line is a list of item indices. */
    private List<List<Integer>> legendLines(PlotCanvas c, double available) {
        List<List<Integer>> lines = new ArrayList<>();
        if (!legend()) {
            return lines;
        }
        List<Integer> line = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < termLabels.size(); i++) {
            double w = legendItemWidth(c, i);
            if (!line.isEmpty() && used + w > available) {
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            line.add(i);
            used += w;
        }
        lines.add(line);
        return lines;
    }

    private double legendItemWidth(PlotCanvas c, int i) {
        return font + 6 + c.textWidth(termLabels.get(i), font, false) + 20;
    }

    private double bottom(PlotCanvas c, double plotWidth) {
        double axis = 6 + small * 1.3 + 8 + font * 1.3;
        double legend = legend() ? 8 + legendLines(c, plotWidth).size() * font * 1.5 : 0;
        double caption = o.caption() != null ? 6 + small * 1.4 : 0;
        return axis + legend + caption + PAD;
    }

    Size size(PlotCanvas c) {
        int width = o.width();
        double plotWidth = width - left(c) - right();
        if (plotWidth < 80) {
            throw new PanelKitException("plot width " + width + " leaves no room beside the row labels; use a larger "
                    + "width or shorter model labels");
        }
        double fixed = top() + bottom(c, plotWidth);
        if (o.height() == 0) {
            double row = Math.max(font * 2.6, 14 + o.terms().size() * (font * 0.9 + 4));
            return new Size(width, (int) Math.ceil(fixed + rows() * row), row);
        }
        double row = (o.height() - fixed) / rows();
        if (row < font * 1.2) {
            throw new PanelKitException("plot height " + o.height() + " is too small for " + rows()
                    + " models; leave it out to size the plot automatically");
        }
        return new Size(width, o.height(), row);
    }

    void paint(PlotCanvas c, Size size) {
        double top = top();
        double left = left(c);
        double plotRight = size.width - right();
        double plotWidth = plotRight - left;
        double plotBottom = top + rows() * size.rowHeight;
        double lo = 0;
        double hi = 0;
        for (PlotPoint p : plot.points()) {
            for (double v : new double[] {p.estimate(), p.low(), p.high()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        AxisTicks ticks = AxisTicks.covering(lo, hi, Math.max(3, (int) (plotWidth / 90)));
        java.util.function.DoubleUnaryOperator x = v -> left + (v - ticks.min) / (ticks.max - ticks.min) * plotWidth;

        c.rect(0, 0, size.width, size.height, "#ffffff", null, 0);
        if (o.title() != null) {
            c.text(o.title(), (left + plotRight) / 2, PAD + font * 1.2 * 0.8, font * 1.2, PlotCanvas.Anchor.MIDDLE,
                    true, false);
        }
        for (double t : ticks.ticks) {
            if (t != 0) {
                c.line(x.applyAsDouble(t), top, x.applyAsDouble(t), plotBottom, GRID, 1, false);
            }
        }
        for (int r = 1; r < rows(); r++) {
            double y = top + r * size.rowHeight;
            c.line(left, y, plotRight, y, "#eeeeee", 1, false);
        }
        c.line(x.applyAsDouble(0), top, x.applyAsDouble(0), plotBottom, BLACK, 1, true);
        c.rect(left, top, plotWidth, plotBottom - top, null, BLACK, 1);

        // row labels and y-axis title
        for (int r = 0; r < rows(); r++) {
            double y = top + (r + 0.5) * size.rowHeight;
            c.text(plot.modelLabels().get(r), left - 8, y + font * 0.35, font, PlotCanvas.Anchor.END, false, false);
        }
        if (hasYTitle()) {
            c.text(o.yLabel(), PAD + font, (top + plotBottom) / 2, font, PlotCanvas.Anchor.MIDDLE, true, true);
        }

        // whiskers and markers, terms dodged vertically within a row
        int k = o.terms().size();
        double dodge = Math.min(font * 0.9 + 4, (size.rowHeight - 8) / k);
        double markerSize = Math.max(5, Math.min(font * 0.75, dodge * 0.9));
        double cap = Math.max(3, markerSize * 0.7);
        for (PlotPoint p : plot.points()) {
            int j = o.terms().indexOf(p.term());
            double y = top + (p.model() + 0.5) * size.rowHeight + (j - (k - 1) / 2.0) * dodge;
            if (Double.isFinite(p.low()) && Double.isFinite(p.high())) {
                double x1 = x.applyAsDouble(p.low());
                double x2 = x.applyAsDouble(p.high());
                c.line(x1, y, x2, y, BLACK, 1.5, false);
                c.line(x1, y - cap / 2, x1, y + cap / 2, BLACK, 1.5, false);
                c.line(x2, y - cap / 2, x2, y + cap / 2, BLACK, 1.5, false);
            }
            c.marker(MarkerShape.values()[j], x.applyAsDouble(p.estimate()), y, markerSize, "marker",
                    p.termLabel() + ", " + p.modelLabel() + ": " + fmt(p.estimate()) + " [" + fmt(p.low()) + ", "
                            + fmt(p.high()) + "]");
        }

        // x axis
        double tickLabelY = plotBottom + 6 + small;
        for (double t : ticks.ticks) {
            double tx = x.applyAsDouble(t);
            c.line(tx, plotBottom, tx, plotBottom + 5, BLACK, 1, false);
            c.text(ticks.label(t), tx, tickLabelY, small, PlotCanvas.Anchor.MIDDLE, false, false);
        }
        double xTitleY = tickLabelY + 8 + font * 1.1;
        c.text(xTitle(), (left + plotRight) / 2, xTitleY, font, PlotCanvas.Anchor.MIDDLE, true, false);

        // legend
        if (legend()) {
            double y = xTitleY + 8 + font * 1.2;
            for (List<Integer> line : legendLines(c, plotWidth)) {
                double total = 0;
                for (int i : line) {
                    total += legendItemWidth(c, i);
                }
                total -= 20;
                double lx = (left + plotRight) / 2 - total / 2;
                for (int i : line) {
                    c.marker(MarkerShape.values()[i], lx + font / 2, y - font * 0.35, markerSize, "legend-marker",
                            termLabels.get(i));
                    c.text(termLabels.get(i), lx + font + 6, y, font, PlotCanvas.Anchor.START, false, false);
                    lx += legendItemWidth(c, i);
                }
                y += font * 1.5;
            }
        }
        if (o.caption() != null) {
            c.text(o.caption(), PAD, size.height - PAD, small, PlotCanvas.Anchor.START, false, false);
        }
    }

    private String xTitle() {
        if (o.xLabel() != null) {
            return o.xLabel();
        }
        String level = levelText();
        String ci = level == null ? "confidence intervals" : level + " CI";
        if (o.terms().size() == 1) {
            return "Estimate of " + termLabels.get(0) + " (" + ci + ")";
        }
        return "Coefficient estimate (" + ci + ")";
    }

    /** "95%" when every point has the same level, else null. */
    private String levelText() {
        double level = Double.NaN;
        for (PlotPoint p : plot.points()) {
            if (Double.isNaN(level)) {
                level = p.level();
            } else if (Math.abs(level - p.level()) > 1e-12) {
                return null;
            }
        }
        String s = String.format(Locale.ROOT, "%.4f", level * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "NA";
    }
}
