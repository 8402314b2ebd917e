package org.panelkit.engine;

/**
 * A problem with the user's input or request that the engine cannot estimate around: a missing or
 * non-numeric column, duplicate panel keys, too few observations. The message names the column, row or
 * key at fault and is meant to be shown to the user as it is (on the command line after {@code error:},
 * in KNIME as the node's error message).
 */
public final class PanelKitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PanelKitException(String message) {
        super(message);
    }
}
