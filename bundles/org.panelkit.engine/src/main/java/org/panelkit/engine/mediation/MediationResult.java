package org.panelkit.engine.mediation;

import java.util.List;

/** The mediation analysis of every mediator, in the order given. Immutable. */
public final class MediationResult {
    private final MediationSpec spec;
    private final List<MediatorResult> mediators;

    MediationResult(MediationSpec spec, List<MediatorResult> mediators) {
        this.spec = spec;
        this.mediators = List.copyOf(mediators);
    }

    public MediationSpec spec() { return spec; }
    public List<MediatorResult> mediators() { return mediators; }
}
