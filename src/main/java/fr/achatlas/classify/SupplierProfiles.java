package fr.achatlas.classify;

import java.util.HashMap;
import java.util.Map;

/**
 * Each supplier's family mix, counted on records classified by an explicit code (a specific CPV): a cleaning company
 * that holds 40 cleaning contracts is evidence for a contract of its without a usable CPV.
 */
public final class SupplierProfiles {

    /** The supplier's most frequent family, its share and the number of records counted. */
    public record Profile(String familyCode, double share, int records) {
    }

    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private Map<String, Profile> dominant;

    public synchronized void add(String siren, String familyCode) {
        if (siren == null || siren.isBlank() || familyCode == null) return;
        counts.computeIfAbsent(siren, s -> new HashMap<>()).merge(familyCode, 1, Integer::sum);
        dominant = null;
    }

    /** The dominant family of a supplier, or null when unknown. */
    public Profile dominant(String siren) {
        if (siren == null) return null;
        Map<String, Profile> d = dominant;
        if (d == null) d = freeze();
        return d.get(siren);
    }

    private synchronized Map<String, Profile> freeze() {
        if (dominant != null) return dominant;
        Map<String, Profile> out = new HashMap<>();
        counts.forEach((siren, byFamily) -> {
            int total = 0;
            String best = null;
            int bestCount = 0;
            for (Map.Entry<String, Integer> e : byFamily.entrySet()) {
                total += e.getValue();
                if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey().compareTo(best) < 0) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            out.put(siren, new Profile(best, bestCount / (double) total, total));
        });
        dominant = out;
        return out;
    }
}
