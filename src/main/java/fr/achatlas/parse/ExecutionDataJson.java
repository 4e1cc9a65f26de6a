package fr.achatlas.parse;

import fr.achatlas.normalise.NumberNormaliser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The donneesExecution of a concession as one compact JSON string, in the same shape whatever the source format:
 * {@code [{"datePublicationDonneesExecution":"…","depensesInvestissement":15.3,"tarifs":[{"intituleTarif":"…","tarif":14.29}]}]}.
 * The v2 JSON wrappers ({@code donneesAnnuelles}, {@code tarif}) and the XML element nesting are removed; amounts are
 * written as numbers when readable, as the published text otherwise. The model keeps these yearly figures as a blob:
 * they are published for the record, not queried per tariff.
 */
final class ExecutionDataJson {
    private ExecutionDataJson() {
    }

    static String of(Object node) {
        List<TreeObject> years = new ArrayList<>(2);
        DecpRecordMapper.collectObjects(node, "donneesAnnuelles", years);
        StringBuilder sb = new StringBuilder(64 + years.size() * 128);
        sb.append('[');
        for (int i = 0; i < years.size(); i++) {
            if (i > 0) sb.append(',');
            TreeObject y = years.get(i);
            sb.append('{');
            boolean first = true;
            first = field(sb, first, "datePublicationDonneesExecution", y.get("datePublicationDonneesExecution"), false);
            first = field(sb, first, "depensesInvestissement", y.get("depensesInvestissement"), true);
            List<TreeObject> tariffs = new ArrayList<>(2);
            DecpRecordMapper.collectObjects(y.get("tarifs"), "tarif", tariffs);
            if (!first) sb.append(',');
            sb.append("\"tarifs\":[");
            for (int t = 0; t < tariffs.size(); t++) {
                if (t > 0) sb.append(',');
                TreeObject tariff = tariffs.get(t);
                sb.append('{');
                boolean tf = field(sb, true, "intituleTarif", tariff.get("intituleTarif"), false);
                field(sb, tf, "tarif", tariff.get("tarif"), true);
                sb.append('}');
            }
            sb.append("]}");
        }
        return sb.append(']').toString();
    }

    /** Appends {@code "name":value} when the value is present; returns whether nothing was written yet. */
    private static boolean field(StringBuilder sb, boolean first, String name, Object value, boolean numeric) {
        String text = DecpRecordMapper.plain(value);
        if (text == null) return first;
        if (!first) sb.append(',');
        sb.append('"').append(name).append("\":");
        BigDecimal number = numeric ? NumberNormaliser.decimal(name, text).value() : null;
        if (number != null) sb.append(number.toPlainString());
        else quote(sb, text);
        return false;
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
