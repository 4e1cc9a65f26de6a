package fr.achatlas.classify.nomenclature;

import java.time.LocalDateTime;

/**
 * One crosswalk rule: records whose code starts with {@code code} belong to {@code familyCode}.
 *
 * @param id        store identifier (0 before being stored)
 * @param weight    strength of weak evidence (NAF), 1 for code rules
 * @param buyerId   null for a territory-wide rule; a buyer's identifier for that buyer's override
 * @param origin    DEFAULT (shipped or imported with the nomenclature) or USER (created from a correction)
 */
public record CrosswalkRule(long id, RuleKind kind, String code, String familyCode, double weight, String buyerId,
                            String origin, String comment, String createdBy, LocalDateTime createdAt) {

    public static final String DEFAULT = "DEFAULT";
    public static final String USER = "USER";

    public static CrosswalkRule territory(RuleKind kind, String code, String familyCode, double weight, String comment) {
        return new CrosswalkRule(0, kind, code, familyCode, weight, null, DEFAULT, comment, null, null);
    }

    public boolean isTerritoryWide() {
        return buyerId == null;
    }

    /** "cpv:9091", or "cpv:9091@21350001200015" for a buyer's rule: how evidence texts name the rule. */
    public String reference() {
        return kind.tag() + ":" + code + (buyerId == null ? "" : "@" + buyerId);
    }

    public CrosswalkRule withId(long newId) {
        return new CrosswalkRule(newId, kind, code, familyCode, weight, buyerId, origin, comment, createdBy, createdAt);
    }
}
