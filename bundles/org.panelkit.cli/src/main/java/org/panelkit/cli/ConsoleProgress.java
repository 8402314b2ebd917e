package org.panelkit.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.panelkit.engine.ProgressMonitor;

/** A progress line on standard error, rewritten in place; shown only when asked or on a terminal. */
final class ConsoleProgress implements ProgressMonitor {
    private final PrintWriter err;
    private final boolean enabled;
    private boolean shown;

    ConsoleProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    static boolean interactive() {
        return System.console() != null;
    }

    @Override
    public void progress(double fraction, String message) {
        if (!enabled) {
            return;
        }
        err.print(String.format(Locale.ROOT, "\r[panelkit] %3d%% %-40s", Math.round(fraction * 100), message));
        err.flush();
        shown = true;
    }

    /** Ends the progress line. */
    void finish() {
        if (shown) {
            err.print("\r" + " ".repeat(56) + "\r");
            err.flush();
        }
    }

    @Override
    public void checkCanceled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException();
        }
    }
}
