package org.panelkit.knime.node;

import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.util.BooleanReference;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.panelkit.knime.support.report.OutputFiles;

/**
 * Where and how the report nodes (Regression Table, Coefficient Plot) write their files: the location, what to do
 * when a file exists, whether to create missing folders. One group for both nodes, nested under the settings key
 * {@value #KEY}; each node keeps its own "Write files" switch (its description names the formats) and marks it
 * with {@code @ValueReference(OutputFilesParameters.WriteFilesRef.class)}, which shows these options. The location
 * is resolved by the support bundle's {@link OutputFiles} (workflow-relative paths, knime:// and file: URLs).
 */
public final class OutputFilesParameters implements NodeParameters {

    /** Settings key of the group in the node's model settings. */
    public static final String KEY = "output_files";

    /** The node's "Write files" switch (declared by each node). */
    public static final class WriteFilesRef implements BooleanReference {
    }

    @Widget(title = "Output file (without extension)", description = "Where to write, without extension: a path "
        + "relative to the workflow folder (e.g. output/table1), knime://knime.workflow/output/table1, another "
        + "knime:// URL of a local file (e.g. knime://LOCAL/reports/table1), a file: URL or an absolute path.")
    @Effect(predicate = WriteFilesRef.class, type = EffectType.SHOW)
    @Persist(configKey = "file")
    String m_file = "";

    @Widget(title = "If files exist", description = "Fail: stop with an error naming the file, nothing is written "
        + "(KNIME's writer default). Overwrite: replace the files.")
    @ValueSwitchWidget
    @Effect(predicate = WriteFilesRef.class, type = EffectType.SHOW)
    @Persist(configKey = "if_exists")
    OverwriteChoice m_ifExists = OverwriteChoice.FAIL;

    @Widget(title = "Create missing folders", description = "Create the output folder if it does not exist "
        + "(otherwise the node fails and names the folder).")
    @Effect(predicate = WriteFilesRef.class, type = EffectType.SHOW)
    @Persist(configKey = "create_missing_folders")
    boolean m_createMissingFolders;

    /** The support bundle's view of these options. */
    public OutputFiles toOutputFiles() {
        return new OutputFiles(m_file, OutputFiles.Overwrite.valueOf(m_ifExists.name()), m_createMissingFolders);
    }

    enum OverwriteChoice {
            @Label(value = "Fail", description = "stop with an error if a file exists")
            FAIL,
            @Label(value = "Overwrite", description = "replace existing files")
            OVERWRITE
    }
}
