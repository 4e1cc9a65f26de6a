package fr.achatlas.query;

import fr.achatlas.query.Column.Type;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One row per contract in its current state (after modifications), with its buyer and its current holders: the
 * shape of every contract export (CSV, XLSX, JSON, Parquet), so all of them carry the same numbers.
 */
public final class ContractRows {

    public static final List<Column> COLUMNS = List.of(
            new Column("buyer_id", "Identifiant acheteur", Type.TEXT),
            new Column("buyer_name", "Acheteur", Type.TEXT),
            new Column("contract_id", "Identifiant marché", Type.TEXT),
            new Column("kind", "Type", Type.TEXT),
            new Column("nature", "Nature", Type.TEXT),
            new Column("object", "Objet", Type.TEXT),
            new Column("cpv", "Code CPV", Type.TEXT),
            new Column("procedure", "Procédure", Type.TEXT),
            new Column("notification_date", "Date de notification", Type.DATE),
            new Column("award_year", "Année", Type.INTEGER),
            new Column("initial_duration_months", "Durée initiale (mois)", Type.INTEGER),
            new Column("duration_months", "Durée actuelle (mois)", Type.INTEGER),
            new Column("initial_amount", "Montant initial (€ HT)", Type.AMOUNT),
            new Column("current_amount", "Montant actuel (€ HT)", Type.AMOUNT),
            new Column("modification_count", "Nombre de modifications", Type.INTEGER),
            new Column("holder_ids", "Identifiants des titulaires", Type.TEXT),
            new Column("holder_count", "Nombre de titulaires", Type.INTEGER),
            new Column("social_considerations", "Considérations sociales", Type.TEXT),
            new Column("environmental_considerations", "Considérations environnementales", Type.TEXT),
            new Column("place_code", "Lieu d'exécution", Type.TEXT),
            new Column("amount_suspect", "Montant aberrant", Type.BOOLEAN),
            new Column("warning_count", "Avertissements", Type.INTEGER),
            new Column("platform", "Source", Type.TEXT));

    static final String SQL = """
            SELECT c.buyer_id, coalesce(b.name, c.buyer_name) AS buyer_name, c.contract_id, c.kind, c.nature, c.object,
                   c.cpv, c.procedure, c.award_date AS notification_date, c.award_year,
                   c.duration_months AS initial_duration_months, c.current_duration_months AS duration_months,
                   c.amount AS initial_amount, c.current_amount, c.modification_count,
                   h.ids AS holder_ids, c.holder_count,
                   array_to_string(c.social_considerations, ' | ') AS social_considerations,
                   array_to_string(c.environmental_considerations, ' | ') AS environmental_considerations,
                   c.place_code, c.amount_suspect, c.warning_count, c.platform
            FROM contract c
            LEFT JOIN buyer b ON b.buyer_id = c.buyer_id
            LEFT JOIN (SELECT contract_key, mod_key, string_agg(holder_id, ' | ' ORDER BY position) AS ids
                       FROM contract_holder GROUP BY contract_key, mod_key) h
                   ON h.contract_key = c.contract_key AND h.mod_key = c.current_holders_mod
            ORDER BY c.buyer_id, c.award_date NULLS LAST, c.contract_id, c.contract_key""";

    private final Connection conn;

    public ContractRows(Connection conn) {
        this.conn = conn;
    }

    public void forEach(RowHandler handler) throws SQLException, IOException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
            int n = COLUMNS.size();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) row[i] = rs.getObject(i + 1);
                handler.row(row);
            }
        }
    }

    /** Parquet is written by DuckDB itself: columnar, typed, compressed, as data teams expect. */
    public long copyToParquet(Path out) throws SQLException {
        String target = out.toAbsolutePath().toString().replace("'", "''");
        try (Statement st = conn.createStatement()) {
            return st.executeUpdate("COPY (" + SQL + ") TO '" + target + "' (FORMAT parquet, COMPRESSION zstd)");
        }
    }

}
