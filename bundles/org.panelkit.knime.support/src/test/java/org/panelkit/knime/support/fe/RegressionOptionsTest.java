package org.panelkit.knime.support.fe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectTerm;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

class RegressionOptionsTest {
    static final TableSchema SCHEMA = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "gdp", ColumnKind.DOUBLE, "ic", ColumnKind.DOUBLE, "fdi", ColumnKind.DOUBLE, "region", ColumnKind.STRING,
            "label", ColumnKind.STRING, "when", ColumnKind.OTHER);

    static RegressionOptions.Builder study() {
        return RegressionOptions.builder().y("gdp").regressors(List.of("ic", "fdi")).entity("province").time("year");
    }

    @Test
    void defaultsAreTheStudysSpecification() {
        ModelSpec spec = study().build().toModelSpec(SCHEMA);
        assertEquals(Effects.TWOWAY, spec.effects());
        assertEquals(VcovType.CLUSTER, spec.vcov());
        assertEquals(Convention.XTREG, spec.convention());
        assertEquals(List.of("province"), spec.cluster());
        assertEquals(0.95, spec.level());
        assertFalse(spec.dropSingletons());
        assertEquals(-1, spec.dkLag());
        assertEquals(List.of("ic", "fdi"), spec.x());
    }

    @Test
    void clusterDimensions() {
        assertEquals(List.of("year"), study().clusterBy(ClusterBy.TIME).build().toModelSpec(SCHEMA).cluster());
        assertEquals(List.of("province", "year"), study().seType(VcovType.TWOWAY).clusterBy(ClusterBy.ENTITY_AND_TIME)
                .build().toModelSpec(SCHEMA).cluster());
        assertEquals(List.of("region"), study().clusterBy(ClusterBy.COLUMNS).clusterColumn("region").build()
                .toModelSpec(SCHEMA).cluster());
        assertEquals(List.of("region", "year"), study().seType(VcovType.TWOWAY).clusterBy(ClusterBy.COLUMNS)
                .clusterColumn("region").secondClusterColumn("year").build().toModelSpec(SCHEMA).cluster());
        assertEquals(List.of(), study().seType(VcovType.HC1).clusterBy(ClusterBy.ENTITY_AND_TIME).build()
                .toModelSpec(SCHEMA).cluster());
    }

    /** Two-way clustering with 'Cluster by' Entity (the default) or Time clusters by entity and time (se_type=TWOWAY in batch). */
    @Test
    void twoWayClusteringByEntityOrTimeUsesBothPanelKeys() {
        assertEquals(List.of("province", "year"), study().seType(VcovType.TWOWAY).build().toModelSpec(SCHEMA).cluster());
        assertEquals(List.of("province", "year"), study().seType(VcovType.TWOWAY).clusterBy(ClusterBy.TIME).build()
                .toModelSpec(SCHEMA).cluster());
    }

    @Test
    void clusterMismatchNamesTheFix() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> study().clusterBy(ClusterBy.ENTITY_AND_TIME).build().toModelSpec(SCHEMA));
        assertTrue(e.getMessage().contains("choose 'Two-way clustered' standard errors"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> study().clusterBy(ClusterBy.COLUMNS).build().toModelSpec(SCHEMA));
        assertEquals("no cluster column selected: choose a cluster column", e.getMessage());
    }

    @Test
    void columnMessages() {
        var e = assertThrows(IllegalArgumentException.class, () -> study().y("label").build().toModelSpec(SCHEMA));
        assertEquals("column 'label' is not numeric (it holds string values): choose a numeric dependent variable (y) column",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> study().regressors(List.of()).build().toModelSpec(SCHEMA));
        assertEquals("no regressors selected: choose at least one numeric column under 'Regressors'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> study().regressors(List.of("ic", "gdp")).build().toModelSpec(SCHEMA));
        assertEquals("column 'gdp' is both the dependent variable and a regressor: remove it from the regressors",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> study().time(null).build().toModelSpec(SCHEMA));
        assertEquals("no time column (needed by the time fixed effects) selected: choose a time column "
                + "(needed by the time fixed effects)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> study().time("when").build().toModelSpec(SCHEMA));
        assertTrue(e.getMessage().startsWith("column 'when' holds other values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> study().time("province").build().toModelSpec(SCHEMA));
        assertEquals("'province' is both the entity and the time column: choose two different columns", e.getMessage());
    }

    @Test
    void entityOnlyModelWithoutTime() {
        ModelSpec spec = study().time("").effects(Effects.ENTITY).build().toModelSpec(SCHEMA);
        assertEquals(null, spec.time());
        assertEquals(List.of("province"), spec.cluster());
    }

    @Test
    void driscollKraayNeedsTime() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> study().time(null).effects(Effects.ENTITY).seType(VcovType.DRISCOLL_KRAAY).build().toModelSpec(SCHEMA));
        assertTrue(e.getMessage().contains("needed by Driscoll-Kraay standard errors"), e.getMessage());
    }

    @Test
    void levelAndOutputNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> study().level(95).build().toModelSpec(SCHEMA));
        assertEquals("confidence level must be between 0 and 1 (exclusive), got 95.0: enter e.g. 0.95", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> study().appendResiduals(true).residualColumn("gdp").build().toModelSpec(SCHEMA));
        assertEquals("the input already has a column 'gdp': choose another name for the residual column", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> study().appendResiduals(true).fittedColumn("residual").build().toModelSpec(SCHEMA));
        assertTrue(e.getMessage().startsWith("the residual and the fitted-value column are both named"), e.getMessage());
        // without residuals appended the names are not used
        assertEquals(List.of("ic", "fdi"), study().residualColumn("gdp").build().toModelSpec(SCHEMA).x());
    }

    @Test
    void declaresNumbersAndKeys() {
        ColumnsBuilder b = ColumnsBuilder.forRows(0);
        study().clusterBy(ClusterBy.COLUMNS).clusterColumn("region").build().declareColumns(SCHEMA, b);
        assertEquals(6, b.size());
        assertEquals("gdp", b.name(0));
        assertEquals("region", b.name(5));
    }

    /** Issue 12: additional terms are absorbed together with the shorthand's (each term once, a^b = b^a). */
    @Test
    void additionalFixedEffectsAreAbsorbedWithTheShorthandsTerms() {
        ModelSpec spec = study().additionalFixedEffects(List.of(List.of("region", "year"), List.of("year"),
                List.of("year", "region"))).build().toModelSpec(SCHEMA);
        assertEquals(Effects.TERMS, spec.effects());
        assertEquals(List.of(FixedEffectTerm.of("province"), FixedEffectTerm.of("year"),
                FixedEffectTerm.parse("region^year")), spec.absorb());
        assertEquals("province,year,region^year", spec.feKey());
        assertEquals("province", spec.entity());
        assertEquals(List.of("province"), spec.cluster());

        // entity effects only: the time column is not absorbed unless listed
        assertEquals("province,region^year", study().effects(Effects.ENTITY)
                .additionalFixedEffects(List.of(List.of("region", "year"))).build().toModelSpec(SCHEMA).feKey());
        // none + terms: the terms only
        assertEquals("region", study().effects(Effects.NONE).additionalFixedEffects(List.of(List.of("region")))
                .build().toModelSpec(SCHEMA).feKey());
        // no additional terms: the shorthand, as before
        assertEquals(Effects.TWOWAY, study().additionalFixedEffects(List.of()).build().toModelSpec(SCHEMA).effects());
    }

    @Test
    void additionalFixedEffectsAndWeightsAreChecked() {
        var e = assertThrows(IllegalArgumentException.class, () -> study()
                .additionalFixedEffects(List.of(List.of("region"), List.of())).build().toModelSpec(SCHEMA));
        assertTrue(e.getMessage().startsWith("additional fixed effect 2 has no column"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> study()
                .additionalFixedEffects(List.of(List.of("district", "year"))).build().toModelSpec(SCHEMA));
        assertTrue(e.getMessage().contains("'district'") && e.getMessage().contains("additional fixed effect 1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> study()
                .additionalFixedEffects(List.of(List.of("fdi", "year"))).build().toModelSpec(SCHEMA));
        assertTrue(e.getMessage().contains("'fdi'"), e.getMessage()); // a double column is no key
        e = assertThrows(IllegalArgumentException.class, () -> study().weights("region").build().toModelSpec(SCHEMA));
        assertTrue(e.getMessage().contains("'region'") && e.getMessage().contains("weight column"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> study().weights("ic").build().toModelSpec(SCHEMA));
        assertTrue(e.getMessage().contains("weight column"), e.getMessage());
    }

    @Test
    void weightsAndTermColumnsAreRead() {
        RegressionOptions o = study().weights("fdi").regressors(List.of("ic"))
                .additionalFixedEffects(List.of(List.of("region", "year"))).build();
        assertEquals("fdi", o.toModelSpec(SCHEMA).weights());
        ColumnsBuilder b = ColumnsBuilder.forRows(3);
        o.declareColumns(SCHEMA, b);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            names.add(b.name(i));
        }
        assertEquals(List.of("gdp", "ic", "fdi", "province", "year", "region"), names);
        assertEquals(null, study().weights(" ").build().toModelSpec(SCHEMA).weights());
    }
}
