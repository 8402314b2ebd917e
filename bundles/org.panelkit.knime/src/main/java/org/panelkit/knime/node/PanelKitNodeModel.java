package org.panelkit.knime.node;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.message.Message;
import org.knime.core.node.message.MessageBuilder;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.webui.node.dialog.defaultdialog.NodeParametersUtil;
import org.knime.node.parameters.NodeParameters;
import org.panelkit.engine.PanelKitException;
import org.panelkit.knime.support.Notice;

/**
 * Base of the PanelKit node models: a classic {@link NodeModel} whose settings are one {@link NodeParameters}
 * object (the same class drives the dialog, the flow-variable overrides and the node description). Subclasses get
 * the loaded parameters in configure and execute; an {@link IllegalArgumentException} from configure (the
 * KNIME-free option validation) becomes an {@link InvalidSettingsException} carrying KNIME's {@link Message} (the
 * fix our messages name after the last ": " as its resolution, {@link Notice#ofError(String)}), the engine's
 * {@link PanelKitException} likewise a {@link KNIMEException} in execute, cancellation a
 * {@link CanceledExecutionException}; warnings are KNIME messages too ({@link #warn(Optional)}).
 * <p>
 * This is the path KNIME's own migrated nodes take (classic node model, NodeParameters dialog); unlike the
 * {@code DefaultNode} builder it can push flow variables, which the regression node needs.
 *
 * @param <P> the parameters class
 */
@SuppressWarnings("restriction") // NodeParametersUtil is exported x-internal by org.knime.core.ui (5.7 - 5.11)
public abstract class PanelKitNodeModel<P extends NodeParameters> extends NodeModel {
    private final Class<P> m_parametersClass;

    private P m_parameters;

    protected PanelKitNodeModel(final PortType[] inPorts, final PortType[] outPorts, final Class<P> parametersClass) {
        super(inPorts, outPorts);
        m_parametersClass = parametersClass;
    }

    @Override
    protected final PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        if (m_parameters == null) {
            // never configured in a dialog: defaults, with columns guessed from the connected table
            m_parameters = NodeParametersUtil.createSettings(m_parametersClass, inSpecs);
        }
        try {
            return configure(inSpecs, m_parameters);
        } catch (IllegalArgumentException e) {
            throw message(Notice.ofError(e.getMessage())).toInvalidSettingsException(e);
        }
    }

    /**
     * Validates the parameters against the input specs and returns the output specs (null where unknown).
     *
     * @throws InvalidSettingsException naming the option to fix
     */
    protected abstract PortObjectSpec[] configure(PortObjectSpec[] inSpecs, P parameters)
        throws InvalidSettingsException;

    @Override
    protected final PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        try {
            return execute(inObjects, exec, m_parameters);
        } catch (CancellationException e) { // the engine's way of honouring ExecutionMonitor.checkCanceled
            throw new CanceledExecutionException(e.getMessage());
        } catch (PanelKitException | IllegalArgumentException e) {
            throw KNIMEException.of(message(Notice.ofError(e.getMessage())), e);
        }
    }

    /** Computes the outputs; progress and cancellation through {@link #progress(ExecutionMonitor)}. */
    protected abstract PortObject[] execute(PortObject[] inObjects, ExecutionContext exec, P parameters)
        throws Exception;

    /** The engine's progress monitor over a KNIME execution monitor. */
    protected static ExecutionProgress progress(final ExecutionMonitor exec) {
        return new ExecutionProgress(exec);
    }

    /**
     * Shows the warnings as the node's warning ({@link Notice#of(List)}: one is the summary; several give the first
     * with a count as summary and all of them as the details); none clears it.
     */
    protected final void setWarnings(final List<String> warnings) {
        warn(Notice.of(warnings));
    }

    /** Shows the notice as the node's warning (KNIME's {@link Message}: summary, issue, resolutions); none clears it. */
    protected final void warn(final Optional<Notice> notice) {
        setWarning(notice.map(PanelKitNodeModel::message).orElse(null));
    }

    /** KNIME's message of a notice: the summary, the details as one text issue (a line each), the resolutions. */
    static Message message(final Notice notice) {
        MessageBuilder b = Message.builder().withSummary(notice.summary());
        if (!notice.details().isEmpty()) {
            b.addTextIssue(String.join("\n", notice.details()));
        }
        b.addResolutions(notice.resolutions().toArray(String[]::new));
        return b.build().orElseThrow();
    }

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO settings) {
        var parameters = m_parameters != null ? m_parameters : NodeParametersUtil.createSettings(m_parametersClass);
        NodeParametersUtil.saveSettings(m_parametersClass, parameters, settings);
    }

    @Override
    protected final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeParametersUtil.loadSettings(settings, m_parametersClass).validate();
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_parameters = NodeParametersUtil.loadSettings(settings, m_parametersClass);
    }

    @Override
    protected void reset() {
        // no internal state
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // no internals
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // no internals
    }
}
