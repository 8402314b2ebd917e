package org.panelkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.panelkit.engine.PanelKitException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code panelkit datasets}: lists the example datasets shipped with the command line, or writes one as CSV.
 * Every command that takes {@code --data} reads them as {@code --data @NAME}.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = {"List the example datasets shipped with PanelKit, or write one as CSV.",
            "Any command reads them with --data @NAME (e.g. panelkit fe --data @produc ...)."},
        footer = {"", "Examples:", "  panelkit datasets", "  panelkit datasets grunfeld --out grunfeld.csv"})
final class DatasetsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "dataset to write (with or without the leading @); none: list them all")
    String name;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "output file (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (name == null) {
            if (out != null) {
                throw new IllegalArgumentException("--out needs a dataset NAME (one of " + Datasets.available() + ")");
            }
            String format = "%-14s %5s  %-8s %-5s %-20s %s%n";
            o.printf(Locale.ROOT, format, "dataset", "rows", "entity", "time", "source", "what");
            for (Datasets.Dataset d : Datasets.ALL) {
                o.printf(Locale.ROOT, format, "@" + d.name(), d.rows(), d.entity(), d.time(), d.source(), d.what());
            }
            o.flush();
            return 0;
        }
        Datasets.Dataset d = Datasets.get(name);
        byte[] bytes = d.bytes();
        if (out == null) {
            o.print(new String(bytes, StandardCharsets.UTF_8));
            o.flush();
            return 0;
        }
        try {
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new PanelKitException("cannot write '" + out + "': " + e.getMessage());
        }
        o.printf(Locale.ROOT, "wrote %s: @%s, %d rows, %d columns%n", out, d.name(), d.rows(), d.columns().size());
        o.flush();
        return 0;
    }
}
