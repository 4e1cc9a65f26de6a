package fr.achatlas.web.api;

import fr.achatlas.query.cube.CubeQuery;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.LinesQuery;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The query-string form of a cube view, shared by the UI's shareable URLs and the API:
 * {@code fact=contract&axes=buyer,year&measures=amount_current,contracts&top=10&buyers=SIRET,SIRET&f.year=2024&f.cpv_division=45}.
 */
final class CubeParams {

    private CubeParams() {
    }

    static Fact fact(HttpServletRequest r) {
        String f = r.getParameter("fact");
        if (f == null || f.isBlank()) return Fact.CONTRACT;
        try {
            return Fact.valueOf(f.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Fait inconnu : " + f + " (contract ou spending)");
        }
    }

    static List<String> list(HttpServletRequest r, String name) {
        String v = r.getParameter(name);
        if (v == null || v.isBlank()) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static Map<String, List<String>> filters(HttpServletRequest r) {
        Map<String, List<String>> out = new TreeMap<>();
        r.getParameterMap().forEach((k, v) -> {
            if (k.startsWith("f.") && v.length > 0) out.put(k.substring(2), List.of(v));
        });
        return out;
    }

    static CubeQuery query(HttpServletRequest r) {
        Fact fact = fact(r);
        List<String> measures = list(r, "measures");
        if (measures.isEmpty()) measures = List.of(fact == Fact.CONTRACT ? "amount_current" : "amount_spent");
        String top = r.getParameter("top");
        return new CubeQuery(fact, list(r, "axes"), measures, filters(r), top == null || top.isBlank() ? null : Integer.valueOf(top));
    }

    static LinesQuery lines(HttpServletRequest r, Integer limit) {
        String offset = r.getParameter("offset");
        return new LinesQuery(fact(r), filters(r), r.getParameter("sort"), "true".equals(r.getParameter("desc")), limit,
                offset == null ? 0 : Integer.parseInt(offset));
    }
}
