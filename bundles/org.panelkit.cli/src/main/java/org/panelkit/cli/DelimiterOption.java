package org.panelkit.cli;

import picocli.CommandLine.Option;

/** {@code --delimiter} for the commands that read CSV files (a picocli mixin; see {@link CsvDialect}). */
public final class DelimiterOption {
    @Option(names = "--delimiter", paramLabel = "auto|comma|semicolon|tab", description = CsvDialect.HELP)
    void delimiter(String value) {
        CsvDialect.force(value);
    }
}
