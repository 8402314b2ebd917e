package org.panelkit.engine.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.stats.Distributions;

/**
 * A coefficient plot: chosen terms across models as horizontal dots with confidence-interval whiskers, one row
 * per model (top to bottom in the given order), one marker shape per term, a dashed reference line at zero,
 * labelled axes, a legend when there is more than one term, and an optional title. Drawn in black and greys
 * only, so it survives black-and-white print.
 * <p>
 * The same drawing code produces both outputs: {@link #svg()} writes SVG text directly (no AWT needed), and
 * {@link #image()} / {@link #png()} paint on an off-screen {@link BufferedImage}, which works on a headless JVM.
 * Immutable.
 */
public final class CoefficientPlot {
    private final List<String> modelLabels;
    private final List<PlotPoint> points;
    private final PlotOptions options;

    private CoefficientPlot(List<String> modelLabels, List<PlotPoint> points, PlotOptions options) {
        this.modelLabels = List.copyOf(modelLabels);
        this.points = List.copyOf(points);
        this.options = options;
    }

    /**
     * Collects the estimates of {@code options.terms()} from the models.
     *
     * @throws PanelKitException when there are no models, or a term is in none of them
     */
    public static CoefficientPlot of(List<ModelSummary> models, PlotOptions options) {
        if (models == null || models.isEmpty()) {
            throw new PanelKitException("a plot needs at least one model");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String l = models.get(i).label();
            labels.add(l == null || l.isBlank() ? "(" + (i + 1) + ")" : l);
        }
        List<PlotPoint> points = new ArrayList<>();
        for (String term : options.terms()) {
            boolean found = false;
            for (int i = 0; i < models.size(); i++) {
                ModelSummary m = models.get(i);
                Coefficient c = m.coefficient(term);
                if (c == null) {
                    continue;
                }
                found = true;
                points.add(point(i, labels.get(i), m, c, term, options));
            }
            if (!found) {
                List<String> available = new ArrayList<>();
                for (ModelSummary m : models) {
                    for (String t : m.terms()) {
                        if (!available.contains(t)) {
                            available.add(t);
                        }
                    }
                }
                throw new PanelKitException("no model has the term '" + term + "' (terms: "
                        + String.join(", ", available) + ")");
            }
        }
        return new CoefficientPlot(labels, points, options);
    }

    private static PlotPoint point(int index, String label, ModelSummary m, Coefficient c, String term,
            PlotOptions o) {
        double level = Double.isNaN(o.level()) ? m.level() : o.level();
        double low = c.confLow();
        double high = c.confHigh();
        if (Math.abs(level - m.level()) > 1e-12) {
            double df = c.df();
            if (Double.isNaN(df) || !(df > 0)) {
                throw new PanelKitException("model '" + label + "' has no degrees of freedom for '" + term
                        + "', so its interval cannot be recomputed at level " + level + " (its own level is "
                        + m.level() + ")");
            }
            double half = Distributions.criticalValue(level, df) * c.stdError();
            low = c.estimate() - half;
            high = c.estimate() + half;
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            low = Double.NaN;
            high = Double.NaN;
        }
        return new PlotPoint(index, label, term, o.labelOf(term), c.estimate(), low, high, level);
    }

    /** Row labels, one per model, top first. */
    public List<String> modelLabels() { return modelLabels; }
    /** Every plotted estimate, grouped by term in the order of the options. */
    public List<PlotPoint> points() { return points; }
    public PlotOptions options() { return options; }

    /** The plot as a standalone SVG document. */
    public String svg() {
        PlotPainter painter = new PlotPainter(this);
        SvgCanvas canvas = new SvgCanvas();
        PlotPainter.Size size = painter.size(canvas);
        canvas.begin(size.width, size.height, options.title());
        painter.paint(canvas, size);
        return canvas.finish();
    }

    /** The plot painted on an RGB image of width × height pixels times {@link PlotOptions#scale()}. */
    public BufferedImage image() {
        return GraphicsCanvas.render(new PlotPainter(this), options.scale());
    }

    /** The plot as PNG bytes. */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePng(out);
        return out.toByteArray();
    }

    /** Writes the plot as PNG. */
    public void writePng(OutputStream out) {
        try {
            if (!ImageIO.write(image(), "png", out)) {
                throw new PanelKitException("this Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
