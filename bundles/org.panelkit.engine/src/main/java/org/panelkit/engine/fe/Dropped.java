package org.panelkit.engine.fe;

/** A regressor left out of the estimation, and why. */
public final class Dropped {
    /** Why a regressor was dropped. */
    public enum Reason {
        ABSORBED("absorbed by the fixed effects"),
        CONSTANT("constant in the estimation sample"),
        COLLINEAR("collinear with the other regressors");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final String name;
    private final Reason reason;

    public Dropped(String name, Reason reason) {
        this.name = name;
        this.reason = reason;
    }

    public String name() { return name; }
    public Reason reason() { return reason; }

    @Override
    public String toString() {
        return name + " (" + reason.text() + ")";
    }
}
