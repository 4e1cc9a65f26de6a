package fr.achatlas.store;

import fr.achatlas.model.Territory;
import org.duckdb.DuckDBConnection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Saves the territory definition: its buyers (names, kinds, legal categories) and their directions and services. */
public final class TerritoryStore {

    private final Database db;

    public TerritoryStore(Database db) {
        this.db = db;
    }

    /** Replaces the territory and its buyers' organisation in one transaction; buyers' contracts are untouched. */
    public void save(Territory t) throws SQLException {
        DuckDBConnection c = db.connection();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM territory");
            st.execute("DELETE FROM buyer_unit");
            st.execute("UPDATE buyer SET in_territory = false");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO territory VALUES (?, ?, ?, ?)")) {
                ps.setString(1, t.name());
                ps.setObject(2, c.createArrayOf("VARCHAR", t.departements().stream().map(Territory.Area::code).toArray()));
                ps.setString(3, t.region() == null ? null : t.region().code());
                ps.setString(4, t.region() == null ? null : t.region().name());
                ps.executeUpdate();
            }
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO buyer (buyer_id, siren, name, kind, legal_category, commune_code, in_territory)
                    VALUES (?, ?, ?, ?, ?, ?, true)
                    ON CONFLICT (buyer_id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                        legal_category = excluded.legal_category, commune_code = excluded.commune_code, in_territory = true""");
                 PreparedStatement unit = c.prepareStatement("INSERT INTO buyer_unit VALUES (?, ?, ?, ?)")) {
                for (Territory.Buyer b : t.buyers()) {
                    upsert.setString(1, b.siret());
                    upsert.setString(2, b.siret().length() >= 9 ? b.siret().substring(0, 9) : null);
                    upsert.setString(3, b.name());
                    upsert.setString(4, b.kind());
                    upsert.setString(5, b.legalCategory());
                    upsert.setString(6, b.communeCode());
                    upsert.executeUpdate();
                    int d = 0;
                    for (Territory.Direction dir : b.directions()) {
                        d++;
                        List<String> services = dir.services().isEmpty() ? java.util.Collections.singletonList(null) : dir.services();
                        int s = 0;
                        for (String service : services) {
                            s++;
                            unit.setString(1, b.siret());
                            unit.setString(2, "D" + d + (service == null ? "" : "-S" + s));
                            unit.setString(3, dir.name());
                            unit.setString(4, service);
                            unit.executeUpdate();
                        }
                    }
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
