package fr.achatlas.classify;

/**
 * The result for one record: its family, how sure we are, and why, in words a buyer can check.
 *
 * @param familyCode            null only when no evidence at all was found (method NONE)
 * @param evidence              human-readable French explanation, e.g. "CPV 90910000 → EXP01 Nettoyage de locaux et
 *                              de vitres (règle cpv:9091) ; texte concordant (« nettoyage », « locaux »)"
 * @param conflict              sources disagree; {@code alternativeFamilyCode} is the other source's family
 * @param ruleId                the crosswalk rule applied, when a rule decided
 */
public record Classification(SubjectKind kind, long key, String familyCode, double confidence, Method method,
                             String evidence, boolean conflict, String alternativeFamilyCode, Status status,
                             Long ruleId) {

    public ConfidenceBand band() {
        return ConfidenceBand.of(confidence);
    }

    /** In the validation queue: automatic and either unsure or conflicting. */
    public boolean needsReview() {
        return status == Status.AUTO && (conflict || band() == ConfidenceBand.LOW);
    }
}
