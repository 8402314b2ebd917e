package org.panelkit.knime.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.knime.core.node.workflow.NodeContext;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.util.FileUtil;
import org.panelkit.knime.support.report.OutputFiles;

/**
 * Resolves the report nodes' output locations the KNIME way: relative paths and {@code knime://knime.workflow/}
 * against the local folder of the node's workflow (the project's folder for a node inside a component), other
 * {@code knime://} URLs (mountpoints, {@code knime://knime.mountpoint/...}) by KNIME's URL handlers.
 */
final class KnimeOutputContext implements OutputFiles.Context {
    private KnimeOutputContext() {
    }

    /** The context of the node being configured or executed. */
    static OutputFiles.Context current() {
        return new KnimeOutputContext();
    }

    @Override
    public Path workflowFolder() {
        NodeContext ctx = NodeContext.getContext();
        WorkflowManager wfm = ctx == null ? null : ctx.getWorkflowManager();
        if (wfm == null) {
            return null;
        }
        var context = wfm.getProjectWFM().getContextV2();
        return context == null ? null : context.getExecutorInfo().getLocalWorkflowPath();
    }

    @Override
    public Path resolveKnimeUrl(final String url) throws IOException {
        try {
            return FileUtil.resolveToPath(FileUtil.toURL(url));
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
