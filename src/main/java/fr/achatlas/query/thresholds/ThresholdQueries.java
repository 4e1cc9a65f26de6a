package fr.achatlas.query.thresholds;

import fr.achatlas.model.Thresholds;
import fr.achatlas.query.Column;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.Scope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Homogeneous-family thresholds (art. R2121-6 and R2121-7 CCP): per buyer and homogeneous family of the nomenclature,
 * contracts awarded plus off-contract spending over a period, compared purchase by purchase with the threshold table
 * in force at each purchase's date ({@link Thresholds}). Spending lines are involved, so the scope's spending rules
 * apply to the whole result: per-buyer figures for the user's buyers (all of them for administrators and viewers),
 * lines for the buyer's analysts and administrators only.
 */
public final class ThresholdQueries {

    /** Share of a threshold from which a family is flagged as approaching it. */
    public static final BigDecimal APPROACHING = new BigDecimal("0.80");

    public enum Flag { RISQUE_FRACTIONNEMENT, APPROCHE }

    /** One purchase of a family: a contract (award date, initial amount) or an off-contract spending line (payment). */
    public record Line(String kind, String ref, LocalDate date, String label, String supplier, String procedure,
                       ProcedureLevel level, BigDecimal amount, BigDecimal cumulative, boolean atRisk) {
    }

    public record Row(String buyerId, String buyerName, String familyCode, String familyLabel, String nature,
                      BigDecimal contracts, BigDecimal offContract, BigDecimal total, long lines, String crossed,
                      BigDecimal crossedAmount, LocalDate crossedOn, String next, BigDecimal nextAmount, Double nextRatio,
                      Flag flag, long riskLines, BigDecimal riskAmount, String explanation) {
    }

    private final Connection conn;
    private final Thresholds table;

    public ThresholdQueries(Connection conn) {
        this(conn, Thresholds.defaults());
    }

    public ThresholdQueries(Connection conn, Thresholds table) {
        this.conn = conn;
        this.table = table;
    }

    /** Every buyer × homogeneous family with purchases in the period: split-purchase risks first (largest amount at risk first), then approaching ones. */
    public List<Row> summary(Period period, Scope scope) throws SQLException {
        Map<String, List<Line>> groups = new LinkedHashMap<>();
        Map<String, String[]> heads = new LinkedHashMap<>();
        read(period, scope, false, null, null, (head, line) -> {
            String k = head[0] + "\u0000" + head[2];
            heads.putIfAbsent(k, head);
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(line);
        });
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, List<Line>> e : groups.entrySet()) out.add(evaluate(heads.get(e.getKey()), e.getValue(), period).row());
        out.sort(java.util.Comparator.comparing((Row r) -> r.flag() == null ? 2 : r.flag().ordinal())
                .thenComparing(Row::riskAmount, java.util.Comparator.reverseOrder())
                .thenComparing(Row::total, java.util.Comparator.reverseOrder()).thenComparing(Row::buyerId).thenComparing(Row::familyCode));
        return out;
    }

    /** The purchases of one buyer × family in the period, in date order, with the running total and the risk mark. */
    public List<Line> lines(String buyerId, String familyCode, Period period, Scope scope) throws SQLException {
        List<Line> lines = new ArrayList<>();
        String[][] head = {null};
        read(period, scope, true, buyerId, familyCode, (h, line) -> {
            head[0] = h;
            lines.add(line);
        });
        return lines.isEmpty() ? List.of() : evaluate(head[0], lines, period).lines();
    }

    private interface Sink {
        void accept(String[] head, Line line);
    }

    private void read(Period period, Scope scope, boolean asLines, String buyerId, String familyCode, Sink sink) throws SQLException {
        List<Object> params = new ArrayList<>();
        // Both parts come from the same buyers: those whose spending the user may see per buyer (or line by line).
        String where = scope.where(Fact.SPENDING, asLines, true, params);
        String extra = (buyerId == null ? "" : " AND buyer_id = ?") + (familyCode == null ? "" : " AND family_code = ?");
        String sql = """
                WITH purchases AS (
                    SELECT 'MARCHE' AS kind, any_value(fc.contract_id) AS ref, any_value(c.award_date) AS d,
                           any_value(fc.object) AS label, string_agg(DISTINCT fc.supplier_name, ', ') AS supplier,
                           any_value(fc.procedure) AS procedure, sum(fc.amount_initial_share) AS amount,
                           fc.buyer_id, any_value(fc.buyer_name) AS buyer_name, fc.family_code
                    FROM fact_contract fc JOIN contract c USING (contract_key)
                    WHERE fc.buyer_in_territory AND c.award_date BETWEEN ? AND ?
                    GROUP BY fc.contract_key, fc.buyer_id, fc.family_code
                    UNION ALL
                    SELECT 'DEPENSE', line_key, payment_date, label, supplier_name, NULL, amount_spent, buyer_id, buyer_name, family_code
                    FROM fact_spending
                    WHERE buyer_in_territory AND contract_key IS NULL AND payment_date BETWEEN ? AND ?)
                SELECT p.buyer_id, p.buyer_name, p.family_code, nf.label, nf.nature, p.kind, p.ref, p.d, p.label, p.supplier,
                       p.procedure, p.amount
                FROM purchases p JOIN nomenclature_family nf ON nf.code = p.family_code AND nf.homogeneous
                WHERE p.amount IS NOT NULL AND (%s)%s
                ORDER BY p.buyer_id, p.family_code, p.d, p.kind, p.ref""".formatted(where.replace("buyer_id", "p.buyer_id"),
                extra.replace("buyer_id", "p.buyer_id").replace("family_code", "p.family_code"));
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 0;
            Date from = Date.valueOf(period.from());
            Date to = Date.valueOf(period.to());
            for (Object o : new Object[] {from, to, from, to}) ps.setObject(++i, o);
            for (Object o : params) ps.setObject(++i, o);
            if (buyerId != null) ps.setString(++i, buyerId);
            if (familyCode != null) ps.setString(++i, familyCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] head = {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
                    String procedure = rs.getString(11);
                    String kind = rs.getString(6);
                    sink.accept(head, new Line(kind, rs.getString(7), rs.getDate(8).toLocalDate(), rs.getString(9),
                            rs.getString(10), procedure, "DEPENSE".equals(kind) ? ProcedureLevel.NONE : ProcedureLevel.of(procedure),
                            rs.getBigDecimal(12).setScale(2, RoundingMode.HALF_UP), null, false));
                }
            }
        }
    }

    private record Evaluation(Row row, List<Line> lines) {
    }

    /**
     * Walks the purchases in date order: a threshold kind is crossed on the first date the running total reaches the
     * threshold in force that day. Once crossed, every purchase of the period that went with less than the procedure
     * that threshold requires is at risk (the need should have been estimated over the whole period).
     */
    Evaluation evaluate(String[] head, List<Line> lines, Period period) {
        Thresholds.Nature nature = Thresholds.natureOf(head[4]);
        Thresholds.Kind[] kinds = Thresholds.Kind.values();
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal contracts = BigDecimal.ZERO;
        BigDecimal off = BigDecimal.ZERO;
        LocalDate[] crossedOn = new LocalDate[kinds.length];
        BigDecimal[] crossedAt = new BigDecimal[kinds.length];
        List<BigDecimal> cumulative = new ArrayList<>();
        for (Line l : lines) {
            running = running.add(l.amount());
            cumulative.add(running);
            if ("MARCHE".equals(l.kind())) contracts = contracts.add(l.amount());
            else off = off.add(l.amount());
            for (int k = 0; k < kinds.length; k++) {
                if (crossedOn[k] != null) continue;
                BigDecimal t = threshold(kinds[k], l.date(), nature);
                if (t != null && running.compareTo(t) >= 0) {
                    crossedOn[k] = l.date();
                    crossedAt[k] = t;
                }
            }
        }
        int highest = -1;
        for (int k = 0; k < kinds.length; k++) if (crossedOn[k] != null) highest = k;
        ProcedureLevel required = highest < 0 ? ProcedureLevel.NONE : ProcedureLevel.requiredAbove(kinds[highest]);
        List<Line> marked = new ArrayList<>(lines.size());
        long riskLines = 0;
        BigDecimal riskAmount = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            boolean risk = l.level().compareTo(required) < 0;
            if (risk) {
                riskLines++;
                riskAmount = riskAmount.add(l.amount());
            }
            marked.add(new Line(l.kind(), l.ref(), l.date(), l.label(), l.supplier(), l.procedure(), l.level(), l.amount(),
                    cumulative.get(i), risk));
        }
        // The next threshold is the one in force at the end of the period (or today for a rolling period).
        Thresholds.Kind next = highest + 1 < kinds.length ? kinds[highest + 1] : null;
        BigDecimal nextAmount = next == null ? null : threshold(next, period.to(), nature);
        Double ratio = nextAmount == null || nextAmount.signum() == 0 ? null
                : running.divide(nextAmount, 4, RoundingMode.HALF_UP).doubleValue();
        Flag flag = riskLines > 0 ? Flag.RISQUE_FRACTIONNEMENT
                : ratio != null && BigDecimal.valueOf(ratio).compareTo(APPROACHING) >= 0 ? Flag.APPROCHE : null;
        String explanation = explain(flag, highest < 0 ? null : kinds[highest], highest < 0 ? null : crossedAt[highest],
                highest < 0 ? null : crossedOn[highest], riskLines, riskAmount, next, nextAmount, ratio);
        Row row = new Row(head[0], head[1], head[2], head[3], head[4], contracts, off, running, lines.size(),
                highest < 0 ? null : kinds[highest].name(), highest < 0 ? null : crossedAt[highest],
                highest < 0 ? null : crossedOn[highest], next == null ? null : next.name(), nextAmount, ratio, flag,
                riskLines, riskAmount, explanation);
        return new Evaluation(row, marked);
    }

    private BigDecimal threshold(Thresholds.Kind kind, LocalDate date, Thresholds.Nature nature) {
        // Territory buyers are local authorities and their bodies: the EU "other contracting authorities" row applies.
        return table.at(kind, date, nature, Thresholds.BuyerCategory.AUTRES).map(Thresholds.Threshold::amount).orElse(null);
    }

    private static String explain(Flag flag, Thresholds.Kind crossed, BigDecimal at, LocalDate on, long riskLines,
                                  BigDecimal riskAmount, Thresholds.Kind next, BigDecimal nextAmount, Double ratio) {
        java.text.NumberFormat eur = java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRANCE);
        StringBuilder b = new StringBuilder();
        if (crossed != null) {
            b.append("Cumul ≥ seuil ").append(label(crossed)).append(" (").append(eur.format(at)).append(" € HT) le ").append(on).append(". ");
        }
        if (flag == Flag.RISQUE_FRACTIONNEMENT) {
            b.append(riskLines).append(" achat(s) pour ").append(eur.format(riskAmount))
                    .append(" € passés sans la procédure requise : à justifier (exception de l'art. R2122-1 et suivants) ou à regrouper.");
        } else if (flag == Flag.APPROCHE) {
            b.append("Cumul à ").append(Math.round(ratio * 100)).append(" % du seuil ").append(label(next)).append(" (")
                    .append(eur.format(nextAmount)).append(" € HT) : anticiper la procédure.");
        }
        return b.toString().trim();
    }

    static String label(Thresholds.Kind kind) {
        return switch (kind) {
            case DISPENSE -> "de dispense de procédure";
            case PUBLICITE -> "de publicité formalisée (BOAMP/JAL)";
            case UE -> "européen (procédure formalisée)";
        };
    }

    public static List<Column> columns() {
        return List.of(new Column("buyer_id", "Acheteur (SIRET)", Column.Type.TEXT), new Column("buyer_name", "Acheteur", Column.Type.TEXT),
                new Column("family", "Famille homogène", Column.Type.TEXT), new Column("family_label", "Libellé", Column.Type.TEXT),
                new Column("nature", "Nature", Column.Type.TEXT), new Column("contracts", "Marchés", Column.Type.AMOUNT),
                new Column("off_contract", "Dépenses hors marché", Column.Type.AMOUNT), new Column("total", "Cumul", Column.Type.AMOUNT),
                new Column("lines", "Achats", Column.Type.INTEGER), new Column("crossed", "Seuil franchi", Column.Type.TEXT),
                new Column("crossed_amount", "Montant du seuil franchi", Column.Type.AMOUNT),
                new Column("next", "Seuil suivant", Column.Type.TEXT), new Column("next_amount", "Montant du seuil suivant", Column.Type.AMOUNT),
                new Column("next_ratio", "Part du seuil suivant", Column.Type.PERCENT), new Column("flag", "Alerte", Column.Type.TEXT),
                new Column("risk_lines", "Achats à risque", Column.Type.INTEGER), new Column("risk_amount", "Montant à risque", Column.Type.AMOUNT),
                new Column("explanation", "Explication", Column.Type.TEXT));
    }

    public static Object[] row(Row r) {
        return new Object[] {r.buyerId(), r.buyerName(), r.familyCode(), r.familyLabel(), r.nature(), r.contracts(), r.offContract(),
                r.total(), r.lines(), r.crossed(), r.crossedAmount(), r.next(), r.nextAmount(), r.nextRatio(),
                r.flag() == null ? null : r.flag().name(), r.riskLines(), r.riskAmount(), r.explanation()};
    }
}
