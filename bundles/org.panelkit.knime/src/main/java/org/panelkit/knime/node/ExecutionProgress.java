package org.panelkit.knime.node;

import java.util.concurrent.CancellationException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.panelkit.engine.ProgressMonitor;

/**
 * The engine's {@link ProgressMonitor} over a KNIME {@link ExecutionMonitor}: progress goes to the node's
 * progress bar, and a cancel request surfaces in the engine as a {@link CancellationException}, which
 * {@link PanelKitNodeModel} turns back into KNIME's {@link CanceledExecutionException}.
 */
public final class ExecutionProgress implements ProgressMonitor {
    private final ExecutionMonitor m_exec;

    public ExecutionProgress(final ExecutionMonitor exec) {
        m_exec = exec;
    }

    @Override
    public void progress(final double fraction, final String message) {
        m_exec.setProgress(Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public void checkCanceled() {
        try {
            m_exec.checkCanceled();
        } catch (CanceledExecutionException e) {
            throw new CancellationException(e.getMessage() == null ? "execution canceled" : e.getMessage());
        }
    }
}
