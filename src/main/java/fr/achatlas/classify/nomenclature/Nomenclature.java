package fr.achatlas.classify.nomenclature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A complete pivot nomenclature: segments, families and the crosswalk rules onto them. Immutable. */
public final class Nomenclature {

    private final List<Segment> segments;
    private final List<Family> families;
    private final List<CrosswalkRule> rules;
    private final Map<String, Segment> segmentsByCode = new LinkedHashMap<>();
    private final Map<String, Family> familiesByCode = new LinkedHashMap<>();

    public Nomenclature(List<Segment> segments, List<Family> families, List<CrosswalkRule> rules) {
        this.segments = List.copyOf(segments);
        this.families = List.copyOf(families);
        this.rules = List.copyOf(rules);
        for (Segment s : segments) segmentsByCode.putIfAbsent(s.code(), s);
        for (Family f : families) familiesByCode.putIfAbsent(f.code(), f);
    }

    public List<Segment> segments() {
        return segments;
    }

    public List<Family> families() {
        return families;
    }

    public List<CrosswalkRule> rules() {
        return rules;
    }

    public List<CrosswalkRule> rules(RuleKind kind) {
        return rules.stream().filter(r -> r.kind() == kind).toList();
    }

    public Family family(String code) {
        return code == null ? null : familiesByCode.get(code);
    }

    public Segment segment(String code) {
        return code == null ? null : segmentsByCode.get(code);
    }

    public Map<String, Family> familiesByCode() {
        return Collections.unmodifiableMap(familiesByCode);
    }

    /** "EXP01 Nettoyage de locaux et de vitres", or the bare code when unknown. */
    public String describe(String familyCode) {
        Family f = family(familyCode);
        return f == null ? String.valueOf(familyCode) : f.code() + " " + f.label();
    }

    /** A copy with one more rule (used when a correction becomes a rule). */
    public Nomenclature withRule(CrosswalkRule rule) {
        List<CrosswalkRule> all = new java.util.ArrayList<>(rules);
        all.add(rule);
        return new Nomenclature(segments, families, all);
    }
}
