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
        customSynopsis = {"panelkit plot --models FILE[,FILE...] --terms TERM[,TERM...] --out",
                "    F.svg|F.png [OPTIONS]"},
        footer = {"",
            "Examples:",
            "  panelkit plot --models m1.json,m2.json --terms ln_pc --out coef.svg",
            "  panelkit plot --models east.json,west.json --labels East,West --terms \\",
            "      IC,FDI --scale 2 --out coef.png"},
        description = "Coefficient plot: estimates with confidence intervals of chosen terms across models "
                + "(files written by 'panelkit fe --format json'), as SVG or PNG by the extension of --out.")
final class PlotCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DelimiterOption delimiterOption;

    @Option(names = "--models", required = true, split = ",", paramLabel = "FILE[,FILE...]", hideParamSyntax = true,
            description = "model files (JSON of 'panelkit fe --format json'), one row each, top to bottom")
    List<Path> models;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL[,LABEL...]", hideParamSyntax = true,
            description = "row labels, one per model (default: the file names)")
    List<String> labels = new ArrayList<>();

    @Option(names = "--terms", required = true, split = ",", paramLabel = "TERM[,TERM...]", hideParamSyntax = true,
            description = "terms to plot (each gets its own marker shape; at most " + PlotOptions.MAX_TERMS + ")")
    List<String> terms;

    @Option(names = "--var-labels", paramLabel = "FILE.csv",
            description = "CSV with columns term,label (default: the term names)")
    Path varLabels;

    @Option(names = "--level", paramLabel = "P",
            description = "confidence level (default: the intervals stored in the model files)")
    Double level;

    @Option(names = "--title", paramLabel = "TEXT", description = "title above the plot (default: none)")
    String title;

    @Option(names = "--xlabel", paramLabel = "TEXT", description = "x-axis title (default: names the estimate and CI)")
    String xLabel;

    @Option(names = "--ylabel", defaultValue = "Model", paramLabel = "TEXT",
            description = "y-axis title (default: ${DEFAULT-VALUE}; empty for none)")
    String yLabel;

    @Option(names = "--width", defaultValue = "720", paramLabel = "PX", description = "width in pixels (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "0", paramLabel = "PX", description = "height in pixels (default: fits the rows)")
    int height;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "S",
            description = "PNG only: pixels per unit, e.g. 2 or 3 for print (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--out", required = true, paramLabel = "F.svg|F.png",
            description = "output file: SVG or PNG by its extension (required)")
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
