package org.panelkit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.panelkit.engine.PanelKitException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code panelkit}: the PanelKit engine on the command line. Bad input ends with exit code 2 and one line
 * starting {@code error:}; never a stack trace.
 */
@Command(name = "panelkit", mixinStandardHelpOptions = true, version = "PanelKit 0.1.0",
        description = "Regional panel econometrics: fixed-effects regression with Stata/R-exact standard errors.")
public final class Main implements Runnable {
    /**
     * The commands by name (each its {@code @Command} name, checked by a test), in the order of the command list.
     * The names are written out so that a run finds its command without parsing every command's annotations.
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            "fe", FeCommand.class, "bench", BenchCommand.class,
            "study-data", org.panelkit.cli.study.StudyDataCommand.class,
            "reproduce", org.panelkit.cli.study.ReproduceCommand.class,
            "interpolate", InterpolateCommand.class, "smooth", SmoothCommand.class, "lq", LqCommand.class,
            "regions", RegionsCommand.class, "split", SplitCommand.class, "describe", DescribeCommand.class,
            "table", TableCommand.class, "plot", PlotCommand.class, "compare", CompareCommand.class,
            "mediation", MediationCommand.class, "datasets", DatasetsCommand.class);

    /** Exit code for bad input or usage. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args.length > 0 ? args[0] : null);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExpandAtFiles(false); // --data @NAME names a shipped dataset (Datasets), not an argument file
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            if (ex.getCommandLine().getParent() == null && ex.getMessage().startsWith("missing command")) {
                return BAD_INPUT;
            }
            err.println("(see 'panelkit " + commandName(ex.getCommandLine()) + "--help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof PanelKitException || ex instanceof IllegalArgumentException) {
                err.println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            java.io.IOException io = ex instanceof java.io.IOException ? (java.io.IOException) ex
                    : ex instanceof java.io.UncheckedIOException ? ((java.io.UncheckedIOException) ex).getCause() : null;
            if (io != null) {
                String file = io instanceof java.nio.file.FileSystemException
                        ? ((java.nio.file.FileSystemException) io).getFile() : null;
                err.println("error: cannot " + (file != null ? "write '" + file + "'" : "read or write") + ": "
                        + OutputPaths.reason(io));
                return BAD_INPUT;
            }
            if (ex instanceof CancellationException) {
                err.println("error: cancelled");
                return 130;
            }
            err.println("error: internal error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + "); please report it with the command line that caused it");
            return 1;
        });
        CsvDialect.force(null);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; give Java more with PANELKIT_JAVA_OPTS=-Xmx8g");
            return 1;
        } finally {
            CsvDialect.force(null);
        }
    }

    /** The command line with every command. */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for a run whose first argument is {@code first}: only that command when it names one
     * (picocli builds every registered command's options by reflection, about 0.1 s of start-up for all of
     * them), else every command (the command list, --help, --version, suggestions for a mistyped name).
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = first == null ? null : COMMANDS.get(first);
        if (only != null) {
            cl.addSubcommand(only);
        } else {
            COMMANDS.values().forEach(cl::addSubcommand);
        }
        return cl;
    }

    private static Map<String, Class<?>> commands(Object... nameClassPairs) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameClassPairs.length; i += 2) {
            m.put((String) nameClassPairs[i], (Class<?>) nameClassPairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    private static String commandName(CommandLine cl) {
        return cl.getParent() == null ? "" : cl.getCommandName() + " ";
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command\n" + commandList(spec));
    }

    /** Every command with the first sentence of its description, one per line. */
    static String commandList(CommandLine.Model.CommandSpec spec) {
        StringBuilder sb = new StringBuilder("usage: panelkit COMMAND [OPTIONS]   (panelkit COMMAND --help for its options)\n"
                + "commands:\n");
        int width = 0;
        for (String name : spec.subcommands().keySet()) {
            width = Math.max(width, name.length());
        }
        for (var e : spec.subcommands().entrySet()) {
            if (e.getValue().getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            String first = d.length == 0 ? "" : d[0].replace("%%", "%");
            int dot = first.indexOf(". ");
            if (dot > 0) {
                first = first.substring(0, dot + 1);
            }
            sb.append("  ").append(e.getKey()).append(" ".repeat(width - e.getKey().length() + 2)).append(first)
                    .append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
