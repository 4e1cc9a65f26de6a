package fr.achatlas.query.spaser;

import fr.achatlas.query.Statements;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.FactSnapshots;
import fr.achatlas.query.cube.Scope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows every SPASER query reads: the cube's fact snapshot (same numbers as the cartography) of the territory's
 * buyers, plus the few contract columns the cube does not carry (offers, procedure, reserved, dates, micro-enterprise,
 * sustainable family), restricted by the user's {@link Scope}. Shared by the indicator, art. 35 and inclusive queries.
 */
final class SpaserRows {

    static final String RESERVED = "coalesce(len(list_filter(ck.social_considerations, x -> x ILIKE 'march_ r_serv_%')) > 0, false)";
    static final String NO_COMPETITION = "coalesce(ck.procedure = 'Marché passé sans publicité ni mise en concurrence préalable', false)";
    static final String ESAT_EA = "('ESAT', 'EA', 'EATT')";
    static final String SIAE = "('EI', 'AI', 'ACI', 'ETTI', 'EITI')";

    private SpaserRows() {
    }

    /** {@code base AS (…)} over {@code fact}, years {@code from..to} (null: all), values bound through {@code params}. */
    static String base(Connection conn, Fact fact, Scope scope, boolean lines, boolean byBuyer, Integer from, Integer to,
                       List<Object> params) throws SQLException {
        // Rights first: a refused query touches nothing.
        String where = scope.where(fact, lines, byBuyer, params);
        String view = FactSnapshots.source(conn, fact);
        String micro = " LEFT JOIN supplier_unit su ON su.siren = left(f.supplier_id, 9) AND regexp_full_match(f.supplier_id, '[0-9]{9}|[0-9]{14}')";
        String inner = fact == Fact.CONTRACT
                ? "SELECT f.*, ck.offers_received, ck.notification_date, ck.award_date, ck.amount AS amount_initial_total, "
                  + "ck.current_duration_months, ck.buyer_legal_category, " + RESERVED + " AS reserved, " + NO_COMPETITION + " AS no_competition, "
                  + "su.micro AS supplier_micro, nf.sustainable AS family_sustainable, nf.nature AS family_nature, "
                  + "row_number() OVER (PARTITION BY f.contract_key ORDER BY f.supplier_id NULLS LAST) = 1 AS first_row "
                  + "FROM " + view + " f LEFT JOIN (SELECT c.*, b.legal_category AS buyer_legal_category FROM contract c LEFT JOIN buyer b USING (buyer_id)) ck "
                  + "ON ck.contract_key = f.contract_key" + micro
                  + " LEFT JOIN nomenclature_family nf ON nf.code = f.family_code WHERE f.buyer_in_territory"
                : "SELECT f.*, su.micro AS supplier_micro FROM " + view + " f" + micro + " WHERE f.buyer_in_territory";
        StringBuilder sql = new StringBuilder("base AS (SELECT * FROM (").append(inner).append(") WHERE ").append(where);
        if (from != null) {
            sql.append(" AND year >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND year <= ?");
            params.add(to);
        }
        return sql.append(')').toString();
    }

    static BigDecimal amount(Object v) {
        if (v == null) return null;
        BigDecimal bd = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        return bd.setScale(2, RoundingMode.HALF_UP);
    }
}
