package org.panelkit.engine.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.panelkit.engine.PanelKitException;

/**
 * What a coefficient plot shows and how big it is. Immutable; the terms are required. Sizes are in pixels
 * (SVG user units); {@link #scale()} multiplies the pixel size of PNG output only, for print resolution.
 * A level of NaN (the default) uses the intervals stored with each model; another level recomputes them as
 * estimate ± t quantile × standard error with each coefficient's own degrees of freedom, which is exact for
 * every variance estimator whose inference is a t or normal test.
 */
public final class PlotOptions {
    /** At most this many terms: one distinct black-and-white marker each. */
    public static final int MAX_TERMS = 8;

    private final List<String> terms;
    private final double level;
    private final String title;
    private final String caption;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;
    private final double scale;
    private final double fontSize;
    private final Map<String, String> variableLabels;

    private PlotOptions(Builder b) {
        this.terms = List.copyOf(b.terms);
        this.level = b.level;
        this.title = b.title;
        this.caption = b.caption;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.width = b.width;
        this.height = b.height;
        this.scale = b.scale;
        this.fontSize = b.fontSize;
        this.variableLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.variableLabels));
    }

    public static Builder builder(List<String> terms) {
        return new Builder(terms);
    }

    /** Terms to plot, each with its own marker shape. */
    public List<String> terms() { return terms; }
    /** Confidence level, or NaN for the models' own intervals. */
    public double level() { return level; }
    /** Title above the plot, or null. */
    public String title() { return title; }
    /** A line of small text below the plot (e.g. where the data come from), or null. */
    public String caption() { return caption; }
    /** X-axis title, or null for "Coefficient estimate (95% CI)" (naming the term when there is one). */
    public String xLabel() { return xLabel; }
    /** Y-axis title (the models); null or empty for none. */
    public String yLabel() { return yLabel; }
    public int width() { return width; }
    /** Height in pixels; 0 sizes the plot to its rows. */
    public int height() { return height; }
    public double scale() { return scale; }
    public double fontSize() { return fontSize; }
    public Map<String, String> variableLabels() { return variableLabels; }

    String labelOf(String term) {
        String l = variableLabels.get(term);
        return l == null ? term : l;
    }

    /** Builder; {@link #build()} validates. */
    public static final class Builder {
        private final List<String> terms;
        private double level = Double.NaN;
        private String title;
        private String caption;
        private String xLabel;
        private String yLabel = "Model";
        private int width = 720;
        private int height;
        private double scale = 1;
        private double fontSize = 13;
        private Map<String, String> variableLabels = Map.of();

        private Builder(List<String> terms) {
            this.terms = terms == null ? List.of() : List.copyOf(terms);
        }

        public Builder level(double v) { this.level = v; return this; }
        public Builder title(String v) { this.title = v == null || v.isBlank() ? null : v; return this; }
        public Builder caption(String v) { this.caption = v == null || v.isBlank() ? null : v; return this; }
        public Builder xLabel(String v) { this.xLabel = v == null || v.isBlank() ? null : v; return this; }
        public Builder yLabel(String v) { this.yLabel = v; return this; }
        public Builder width(int v) { this.width = v; return this; }
        public Builder height(int v) { this.height = v; return this; }
        public Builder scale(double v) { this.scale = v; return this; }
        public Builder fontSize(double v) { this.fontSize = v; return this; }
        public Builder variableLabels(Map<String, String> v) { this.variableLabels = new LinkedHashMap<>(v); return this; }

        public PlotOptions build() {
            if (terms.isEmpty()) {
                throw new PanelKitException("no terms to plot given");
            }
            if (terms.size() > MAX_TERMS) {
                throw new PanelKitException("at most " + MAX_TERMS + " terms fit one plot (one marker shape each), got "
                        + terms.size());
            }
            if (terms.stream().distinct().count() != terms.size()) {
                throw new PanelKitException("a term is listed twice: " + terms);
            }
            if (!Double.isNaN(level) && !(level > 0 && level < 1)) {
                throw new PanelKitException("confidence level must be between 0 and 1, got " + level);
            }
            if (width < 200 || width > 20000) {
                throw new PanelKitException("plot width must be between 200 and 20000 pixels, got " + width);
            }
            if (height != 0 && (height < 100 || height > 20000)) {
                throw new PanelKitException("plot height must be between 100 and 20000 pixels, got " + height);
            }
            if (!(scale >= 0.25 && scale <= 8)) {
                throw new PanelKitException("PNG scale must be between 0.25 and 8, got " + scale);
            }
            if (!(fontSize >= 6 && fontSize <= 48)) {
                throw new PanelKitException("font size must be between 6 and 48, got " + fontSize);
            }
            return new PlotOptions(this);
        }
    }
}
