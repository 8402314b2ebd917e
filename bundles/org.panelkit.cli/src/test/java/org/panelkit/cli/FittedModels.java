package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Model files written once per test run by {@code panelkit fe --format json} on Produc: the study default
 * (two-way, CR1), entity effects with CR2, and Driscoll-Kraay (plm) without unemp.
 */
final class FittedModels {
    static final Path DIR;
    static final Path TWOWAY;
    static final Path ENTITY_CR2;
    static final Path DK;

    static {
        try {
            DIR = Files.createTempDirectory("panelkit-report-test");
            DIR.toFile().deleteOnExit();
            String data = FeCommandResultsTest.oracle("data/Produc.csv").toString();
            TWOWAY = fe(data, "twoway.json", "--x", "ln_pcap,ln_pc,ln_emp,unemp");
            ENTITY_CR2 = fe(data, "entity_cr2.json", "--x", "ln_pcap,ln_pc,ln_emp,unemp", "--fe", "entity",
                    "--vcov", "cr2");
            DK = fe(data, "dk.json", "--x", "ln_pcap,ln_pc,ln_emp", "--vcov", "dk", "--convention", "plm");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FittedModels() {
    }

    private static Path fe(String data, String name, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("fe", "--data", data, "--y", "ln_gsp", "--entity", "state",
                "--time", "year", "--format", "json"));
        args.addAll(List.of(extra));
        CliRunner r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code, r.toString());
        Path p = DIR.resolve(name);
        Files.writeString(p, r.out, StandardCharsets.UTF_8);
        p.toFile().deleteOnExit();
        return p;
    }

    /** The three files, comma-separated as --models takes them. */
    static String all() {
        return TWOWAY + "," + ENTITY_CR2 + "," + DK;
    }

    static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }
}
