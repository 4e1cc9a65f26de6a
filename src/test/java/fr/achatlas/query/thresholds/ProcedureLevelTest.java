package fr.achatlas.query.thresholds;

import fr.achatlas.model.Thresholds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcedureLevelTest {

    @Test
    void decpProcedureLabelsMapToTheirLevel() {
        assertThat(ProcedureLevel.of("Marché passé sans publicité ni mise en concurrence préalable")).isEqualTo(ProcedureLevel.NONE);
        assertThat(ProcedureLevel.of("Marché négocié sans publicité ni mise en concurrence préalable")).isEqualTo(ProcedureLevel.NONE);
        assertThat(ProcedureLevel.of("Procédure adaptée")).isEqualTo(ProcedureLevel.ADAPTED);
        assertThat(ProcedureLevel.of("Appel d'offres ouvert")).isEqualTo(ProcedureLevel.FORMAL);
        assertThat(ProcedureLevel.of("Procédure avec négociation")).isEqualTo(ProcedureLevel.FORMAL);
        assertThat(ProcedureLevel.of(null)).isEqualTo(ProcedureLevel.ADAPTED);
        assertThat(ProcedureLevel.requiredAbove(Thresholds.Kind.DISPENSE)).isEqualTo(ProcedureLevel.ADAPTED);
        assertThat(ProcedureLevel.requiredAbove(Thresholds.Kind.UE)).isEqualTo(ProcedureLevel.FORMAL);
    }
}
