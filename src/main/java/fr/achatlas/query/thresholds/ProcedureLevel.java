package fr.achatlas.query.thresholds;

import fr.achatlas.model.Thresholds;

import java.util.Locale;

/** How much competition a purchase went through, ordered: what a threshold requires is compared with it. */
public enum ProcedureLevel {
    /** Off-contract spending, or a contract "sans publicité ni mise en concurrence". */
    NONE,
    /** Procédure adaptée (MAPA): publicity and competition adapted to the need. */
    ADAPTED,
    /** Appel d'offres, procédure avec négociation, dialogue compétitif, concours. */
    FORMAL;

    /**
     * The level of a published contract's procedure. A contract whose procedure is not given gets the benefit of the
     * doubt (ADAPTED): flagging it would say more than the data does.
     */
    public static ProcedureLevel of(String procedure) {
        if (procedure == null || procedure.isBlank()) return ADAPTED;
        String p = procedure.toLowerCase(Locale.ROOT);
        if (p.contains("sans publicit") || p.contains("sans mise en concurrence")) return NONE;
        if (p.contains("adapt")) return ADAPTED;
        return FORMAL;
    }

    /**
     * The least procedure a cumulative amount above {@code kind} requires: above the dispense threshold, publicity and
     * competition (a MAPA at least; above 90 000 € its publicity must be in the BOAMP or a JAL, which the data does not
     * say, so a MAPA is accepted); above the EU threshold, a formal procedure.
     */
    public static ProcedureLevel requiredAbove(Thresholds.Kind kind) {
        return kind == Thresholds.Kind.UE ? FORMAL : ADAPTED;
    }
}
