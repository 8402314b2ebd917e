package org.panelkit.engine.report;

import java.util.List;

import org.panelkit.engine.data.Columns;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.testing.TestData;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;

/**
 * Known fits of the Cobb-Douglas production function on plm's Produc (48 states, 1970-1986), fitted once: the
 * study default (two-way, clustered CR1), entity effects with CR2, two-way with Driscoll-Kraay (plm convention)
 * and without unemp, two-way clustered by state and year, and pooled OLS with HC1.
 */
final class ProducModels {
    static final List<String> X = List.of("ln_pcap", "ln_pc", "ln_emp", "unemp");

    private static FixedEffectsResult twoway;
    private static FixedEffectsResult entityCr2;
    private static FixedEffectsResult dk;
    private static FixedEffectsResult twowayCluster;
    private static FixedEffectsResult pooled;

    private ProducModels() {
    }

    private static Columns data() {
        return TestData.readCsv(TestData.oracle("data/Produc.csv"));
    }

    static synchronized FixedEffectsResult twoway() {
        if (twoway == null) {
            twoway = FixedEffectsRegression.fit(data(), spec(X).build());
        }
        return twoway;
    }

    static synchronized FixedEffectsResult entityCr2() {
        if (entityCr2 == null) {
            entityCr2 = FixedEffectsRegression.fit(data(), spec(X).effects(Effects.ENTITY).vcov(VcovType.CR2).build());
        }
        return entityCr2;
    }

    static synchronized FixedEffectsResult driscollKraay() {
        if (dk == null) {
            dk = FixedEffectsRegression.fit(data(), spec(X.subList(0, 3)).vcov(VcovType.DRISCOLL_KRAAY)
                    .convention(Convention.PLM).build());
        }
        return dk;
    }

    static synchronized FixedEffectsResult twowayCluster() {
        if (twowayCluster == null) {
            twowayCluster = FixedEffectsRegression.fit(data(), spec(X).vcov(VcovType.TWOWAY).build());
        }
        return twowayCluster;
    }

    static synchronized FixedEffectsResult pooled() {
        if (pooled == null) {
            pooled = FixedEffectsRegression.fit(data(), ModelSpec.builder("ln_gsp", X).effects(Effects.NONE)
                    .vcov(VcovType.HC1).build());
        }
        return pooled;
    }

    private static ModelSpec.Builder spec(List<String> x) {
        return ModelSpec.builder("ln_gsp", x).entity("state").time("year");
    }
}
