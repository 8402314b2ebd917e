package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What a newcomer meets first (issue 11): the command list, the help texts, the vocabulary, output paths. */
class CliUsageTest {
    @TempDir
    Path dir;

    private static Map<String, CommandLine> commands() {
        return Main.commandLine().getSubcommands();
    }

    @Test
    void theCommandTableNamesEachCommandByItsAnnotation() {
        for (var e : Main.COMMANDS.entrySet()) {
            assertEquals(e.getValue().getAnnotation(CommandLine.Command.class).name(), e.getKey());
            // a run naming the command builds only that command; anything else builds all
            assertEquals(List.of(e.getKey()), List.copyOf(Main.commandLine(e.getKey()).getSubcommands().keySet()));
        }
        assertEquals(List.copyOf(Main.COMMANDS.keySet()), List.copyOf(commands().keySet()));
        assertEquals(Main.COMMANDS.size(), Main.commandLine("--help").getSubcommands().size());
    }

    @Test
    void noCommandListsEveryCommandWithASummary() {
        CliRunner r = CliRunner.run();
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.startsWith("error: missing command\n"), r.err);
        for (var e : commands().entrySet()) {
            String summary = e.getValue().getCommandSpec().usageMessage().description()[0];
            String first = summary.replace("%%", "%");
            int dot = first.indexOf(". ");
            first = dot > 0 ? first.substring(0, dot + 1) : first;
            assertTrue(r.err.contains("\n  " + e.getKey() + " "), e.getKey() + " missing:\n" + r.err);
            assertTrue(r.err.contains(first), first + "\n" + r.err);
        }
        assertTrue(commands().size() >= 14, "" + commands().keySet());
    }

    @Test
    void everyOptionHasADescriptionNamingItsDefault() {
        List<String> problems = new ArrayList<>();
        for (var e : commands().entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                String d = String.join(" ", o.description()).strip();
                String where = e.getKey() + " " + o.longestName();
                if (d.isEmpty()) {
                    problems.add(where + ": no description");
                    continue;
                }
                if (o.hidden() || o.required() || o.typeInfo().isBoolean()) {
                    continue; // flags are off by default; hidden options are old spellings
                }
                String lower = d.toLowerCase(Locale.ROOT);
                if (!lower.contains("default") && !lower.contains("required")) {
                    problems.add(where + ": names no default (and is not required): " + d);
                }
                if (o.paramLabel().startsWith("<")) {
                    problems.add(where + ": placeholder " + o.paramLabel());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyHelpEndsWithExamplesAndHasAReadableSynopsis() {
        for (String name : commands().keySet()) {
            CliRunner r = CliRunner.run(name, "--help");
            assertEquals(0, r.code, r.toString());
            String[] lines = r.out.strip().split("\n");
            int examples = r.out.lastIndexOf("\nExamples:\n");
            assertTrue(examples > 0, name + ":\n" + r.out);
            String tail = r.out.substring(examples);
            assertTrue(tail.contains("  panelkit " + name), name + ":\n" + tail);
            assertTrue(lines[lines.length - 1].startsWith("  panelkit") || lines[lines.length - 1].startsWith("      "),
                    name + ": help does not end with an example:\n" + r.out);
            String synopsis = r.out.substring(0, r.out.indexOf('\n'));
            assertFalse(r.out.contains("......"), name + ": " + synopsis);
            assertFalse(r.out.contains("=<"), name + ": placeholder in\n" + r.out);
            for (String line : tail.split("\n")) {
                assertTrue(line.length() <= 80, name + ": example line longer than 80: " + line);
            }
        }
    }

    @Test
    void mediationHelpSaysXIsOneVariableAndEveryVcovIsDescribed() {
        String h = CliRunner.run("mediation", "--help").out;
        assertTrue(h.contains("--x=NAME"), h);
        assertTrue(h.contains("the one treatment variable"), h);
        for (String c : List.of("fe", "compare", "mediation", "reproduce")) {
            String help = CliRunner.run(c, "--help").out;
            for (String v : List.of("iid", "hc0", "hc1", "cr0", "cluster", "cr2", "twoway", "dk")) {
                String vcov = help.substring(help.indexOf("--vcov=TYPE"));
                assertTrue(vcov.contains(v), c + " --vcov does not name " + v);
            }
        }
    }

    @Test
    void oldSpellingsStillWorkButAreHidden() {
        Path produc = FeCommandResultsTest.oracle("data/Produc.csv");
        CliRunner old = CliRunner.run("mediation", "--data", produc.toString(), "--y", "ln_gsp", "--x", "ln_pc",
                "--mediators", "ln_emp", "--entity", "state", "--time", "year", "--reps", "0", "--format", "json");
        CliRunner now = CliRunner.run("mediation", "--data", produc.toString(), "--y", "ln_gsp", "--x", "ln_pc",
                "--mediators", "ln_emp", "--entity", "state", "--time", "year", "--mediation-reps", "0", "--format",
                "json");
        assertEquals(0, old.code, old.toString());
        assertEquals(old.out, now.out);
        assertFalse(CliRunner.run("mediation", "--help").out.contains("--reps"));
        assertFalse(CliRunner.run("split", "--help").out.contains("--by"));
        assertFalse(CliRunner.run("reproduce", "--help").out.contains("--break"));
        assertTrue(CliRunner.run("fe", "--help").out.contains("--wild-reps"));
    }

    @Test
    void oneDefaultSeed() {
        for (String c : List.of("fe", "mediation", "reproduce")) {
            String h = CliRunner.run(c, "--help").out;
            String seed = h.substring(h.indexOf("--seed=S"));
            seed = seed.substring(0, seed.indexOf(")") + 1);
            assertTrue(seed.contains("default: 12345"), c + ": " + seed);
        }
    }

    @Test
    void feHeaderAlignsEveryEqualsSign() {
        CliRunner r = CliRunner.run("fe", "--data", FeCommandResultsTest.oracle("data/Produc.csv").toString(), "--y", "ln_gsp", "--x",
                "ln_pcap,ln_pc,ln_emp,unemp", "--entity", "state", "--time", "year");
        assertEquals(0, r.code, r.toString());
        int column = -1;
        for (String line : r.out.split("\n")) {
            if (line.startsWith("Std. errors")) {
                break;
            }
            int eq = line.indexOf(" = ");
            assertTrue(eq > 0, line);
            if (column < 0) {
                column = eq;
            }
            assertEquals(column, eq, "misaligned: " + line + "\n" + r.out);
        }
        assertTrue(r.out.contains("Number of periods ="), r.out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "missing", "under-file"})
    void outputPathProblemsAreBadInputWithAReason(String kind) throws Exception {
        Path afile = Files.writeString(dir.resolve("afile"), "x");
        String target;
        String reason;
        switch (kind) {
        case "file":
            target = afile.toString();
            reason = "it is a file, not a directory";
            break;
        case "missing":
            target = dir.resolve("nodir/x.csv").toString();
            reason = null;
            break;
        default:
            target = afile.resolve("x").toString();
            reason = "is not a directory";
        }
        if (reason != null) {
            CliRunner r = CliRunner.run("reproduce", "--out", target, "--wild-reps", "0", "--mediation-reps", "0");
            assertEquals(2, r.code, r.toString());
            assertEquals(1, r.err.lines().count(), r.err);
            assertTrue(r.err.startsWith("error: "), r.err);
            assertTrue(r.err.contains(reason), r.err);
            assertFalse(r.err.contains("internal error"), r.err);
        }
        // a file output under a missing or non-folder directory
        String file = kind.equals("missing") ? target : afile.resolve("x.csv").toString();
        CliRunner i = CliRunner.run("study-data", "--out", file);
        assertEquals(2, i.code, i.toString());
        assertEquals(1, i.err.lines().count(), i.err);
        assertTrue(i.err.contains(kind.equals("missing") ? "no such directory" : "is not a directory"), i.err);
    }

    @Test
    void outputIntoADirectoryOrUnwritablePlaceIsBadInput() throws Exception {
        CliRunner r = CliRunner.run("study-data", "--out", dir.toString());
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains("it is a directory"), r.err);
        if (Files.isDirectory(Path.of("/proc")) && !Files.isWritable(Path.of("/proc/1"))) {
            CliRunner p = CliRunner.run("reproduce", "--out", "/proc/x", "--wild-reps", "0", "--mediation-reps", "0");
            assertEquals(2, p.code, p.toString());
            assertTrue(p.err.startsWith("error: cannot create directory '/proc/x'"), p.err);
        }
    }
}
