package org.panelkit.cli.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.panelkit.cli.OutputPaths;
import org.panelkit.engine.PanelKitException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code panelkit study-data}: writes the synthetic study-shaped panel (the committed file is seed 20250215). */
@Command(name = "study-data", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  panelkit study-data --out study_raw.csv", "  panelkit study-data --seed 7 --out other_raw.csv"},
        description = "Write the synthetic, study-shaped demonstration panel (30 provinces x 2001-2021, raw "
                + "series, about 5%% of cells missing). Synthetic demonstration data - not the study's data.")
public final class StudyDataCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", defaultValue = "" + StudyDataGenerator.DEFAULT_SEED, paramLabel = "S",
            description = "seed of the generator (default: ${DEFAULT-VALUE}, the embedded data)")
    long seed;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "output file (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        org.panelkit.cli.OutputPaths.checkFile(out);
        String csv = StudyDataGenerator.csv(seed);
        if (out == null) {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(out, csv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PanelKitException("cannot write '" + out + "': " + OutputPaths.reason(e));
            }
        }
        return 0;
    }
}
