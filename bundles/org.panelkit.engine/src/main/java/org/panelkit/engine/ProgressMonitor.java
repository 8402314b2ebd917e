package org.panelkit.engine;

/**
 * Progress and cancellation for long engine operations. KNIME passes an adapter around its
 * ExecutionMonitor; the command line prints a progress line; tests pass {@link #NONE}.
 */
public interface ProgressMonitor {

    /** Reports progress in [0, 1] with a short message. */
    void progress(double fraction, String message);

    /** Throws {@link java.util.concurrent.CancellationException} when the user cancelled. */
    void checkCanceled();

    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public void checkCanceled() {
        }
    };
}
