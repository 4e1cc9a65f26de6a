package fr.achatlas.classify.nomenclature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prefix rules looked up most specific first (8 digits down to 2). A buyer's own rules are tried before the
 * territory's: a buyer override wins over the territory crosswalk whatever its level. Used for CPV codes and for
 * nature accounts alike (accounts are prefixes too: 615221 before 6152 before 615).
 */
public final class CpvCrosswalk {

    private final Map<String, CrosswalkRule> territory = new HashMap<>();
    private final Map<String, Map<String, CrosswalkRule>> byBuyer = new HashMap<>();
    private final int maxLength;

    public CpvCrosswalk(List<CrosswalkRule> rules) {
        int max = 0;
        for (CrosswalkRule r : rules) {
            if (r.isTerritoryWide()) territory.put(r.code(), r);
            else byBuyer.computeIfAbsent(r.buyerId(), b -> new HashMap<>()).put(r.code(), r);
            max = Math.max(max, r.code().length());
        }
        this.maxLength = max;
    }

    /** The most specific rule whose prefix starts {@code code}, the buyer's first; null when none. */
    public CrosswalkRule match(String code, String buyerId) {
        if (code == null || code.isEmpty()) return null;
        if (buyerId != null) {
            Map<String, CrosswalkRule> own = byBuyer.get(buyerId);
            if (own != null) {
                CrosswalkRule r = longest(own, code);
                if (r != null) return r;
            }
        }
        CrosswalkRule known = territoryCache.get(code);
        if (known != null) return known == NONE ? null : known;
        CrosswalkRule r = longest(territory, code);
        // Few distinct codes recur millions of times: remember the territory answer per code (bounded).
        if (territoryCache.size() < 100_000) territoryCache.put(code, r == null ? NONE : r);
        return r;
    }

    private static final CrosswalkRule NONE = new CrosswalkRule(-1, RuleKind.CPV, "", "", 0, null, "", null, null, null);
    private final java.util.concurrent.ConcurrentHashMap<String, CrosswalkRule> territoryCache = new java.util.concurrent.ConcurrentHashMap<>();

    private CrosswalkRule longest(Map<String, CrosswalkRule> rules, String code) {
        for (int len = Math.min(maxLength, code.length()); len >= 1; len--) {
            CrosswalkRule r = rules.get(code.substring(0, len));
            if (r != null) return r;
        }
        return null;
    }
}
