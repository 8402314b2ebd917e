package org.panelkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.report.CoefficientPlot;
import org.panelkit.engine.report.PlotOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code panelkit plot}: a coefficient plot of chosen terms across model files, as SVG or PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Coefficient plot: estimates with confidence intervals of chosen terms across models "
                + "(files written by 'panelkit fe --format json'), as SVG or PNG by the extension of --out.")
final class PlotCommand implements Callable<Integer> {
    @Option(names = "--models", required = true, split = ",", paramLabel = "FILE",
            description = "model files, one row each (top to bottom)")
    List<Path> models;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL", description = "row labels, one per model")
    List<String> labels = new ArrayList<>();

    @Option(names = "--terms", required = true, split = ",", paramLabel = "TERM",
            description = "terms to plot (each gets its own marker shape; at most " + PlotOptions.MAX_TERMS + ")")
    List<String> terms;

    @Option(names = "--var-labels", paramLabel = "FILE.csv", description = "CSV with columns term,label")
    Path varLabels;

    @Option(names = "--level", paramLabel = "P",
            description = "confidence level (default: the intervals stored in the model files)")
    Double level;

    @Option(names = "--title", paramLabel = "TEXT", description = "title above the plot")
    String title;

    @Option(names = "--xlabel", paramLabel = "TEXT", description = "x-axis title (default: names the estimate and CI)")
    String xLabel;

    @Option(names = "--ylabel", defaultValue = "Model", paramLabel = "TEXT",
            description = "y-axis title (default: ${DEFAULT-VALUE}; empty for none)")
    String yLabel;

    @Option(names = "--width", defaultValue = "720", paramLabel = "PX", description = "width (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "0", paramLabel = "PX", description = "height (default: fits the rows)")
    int height;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "S",
            description = "PNG only: pixels per unit, e.g. 2 or 3 for print (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--out", required = true, paramLabel = "F.svg|F.png", description = "output file")
    Path out;

    @Override
    public Integer call() {
        OutputPaths.checkFile(out);
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            throw new PanelKitException("--out must end in .svg or .png, got '" + out + "'");
        }
        PlotOptions options = PlotOptions.builder(terms).level(level == null ? Double.NaN : level).title(title)
                .xLabel(xLabel).yLabel(yLabel).width(width).height(height).scale(scale)
                .variableLabels(ModelFiles.variableLabels(varLabels)).build();
        CoefficientPlot plot = CoefficientPlot.of(ModelFiles.read(models, labels), options);
        if (png) {
            // an off-screen image needs no display; without this a JVM with DISPLAY set would try to open it
            System.setProperty("java.awt.headless", "true");
            ModelFiles.write(out, plot.png());
        } else {
            ModelFiles.write(out, plot.svg());
        }
        return 0;
    }
}
