package fr.achatlas.store;

import fr.achatlas.model.Geo;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

/** Writes the geography (COG tables, centroids) and the territory's definition of a local supplier. */
public final class GeoStore {

    private final Database db;

    public GeoStore(Database db) {
        this.db = db;
    }

    /** Replaces the COG tables in one transaction; centroids already loaded are kept for the communes that remain. */
    public void replace(Geo geo) throws SQLException {
        DuckDBConnection c = db.connection();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE keep_centroid AS SELECT code, lat, lon FROM geo_commune WHERE lat IS NOT NULL");
            for (String t : List.of("geo_commune", "geo_epci", "geo_departement", "geo_region")) st.execute("DELETE FROM " + t);
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "geo_region")) {
                for (Geo.Region r : geo.regions()) a.beginRow().append(r.code()).append(r.name()).endRow();
            }
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "geo_departement")) {
                for (Geo.Departement d : geo.departements()) a.beginRow().append(d.code()).append(d.name()).append(d.region()).endRow();
            }
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "geo_epci")) {
                for (Geo.Epci e : geo.epcis()) a.beginRow().append(e.code()).append(e.name()).append(e.type()).endRow();
            }
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "geo_commune")) {
                for (Geo.Commune m : geo.communes()) {
                    a.beginRow().append(m.code()).append(m.name()).append(m.type()).append(m.parent()).append(m.departement())
                            .append(m.region()).append(m.epci()).append(m.lat()).append(m.lon()).endRow();
                }
            }
            st.execute("UPDATE geo_commune g SET lat = k.lat, lon = k.lon FROM keep_centroid k WHERE k.code = g.code AND g.lat IS NULL");
            st.execute("DROP TABLE keep_centroid");
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Sets centroids; returns how many communes of the COG got one (the others are not in the COG loaded). */
    public long centroids(List<Geo.Centroid> centroids) throws SQLException {
        DuckDBConnection c = db.connection();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE stg_centroid (code VARCHAR, lat DOUBLE, lon DOUBLE)");
            try (DuckDBAppender a = c.createAppender("temp", "main", "stg_centroid")) {
                for (Geo.Centroid x : centroids) a.beginRow().append(x.commune()).append(x.lat()).append(x.lon()).endRow();
            }
            long n = st.executeUpdate("UPDATE geo_commune g SET lat = s.lat, lon = s.lon FROM stg_centroid s WHERE s.code = g.code");
            // former communes and arrondissements without their own centroid take their parent's
            st.execute("""
                    UPDATE geo_commune g SET lat = p.lat, lon = p.lon FROM geo_commune p
                    WHERE g.lat IS NULL AND g.parent = p.code AND p.lat IS NOT NULL""");
            st.execute("DROP TABLE stg_centroid");
            c.commit();
            return n;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    public void setLocalDefinition(Geo.LocalDefinition d) throws SQLException {
        DuckDBConnection c = db.connection();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement();
             PreparedStatement ps = c.prepareStatement("INSERT INTO local_definition VALUES (?, ?, ?, ?, ?)")) {
            st.execute("DELETE FROM local_definition");
            ps.setString(1, d.mode());
            ps.setString(2, d.referenceCommune());
            ps.setObject(3, c.createArrayOf("VARCHAR", d.departements().toArray()));
            if (d.radiusKm() == null) ps.setNull(4, java.sql.Types.DOUBLE);
            else ps.setDouble(4, d.radiusKm());
            ps.setTimestamp(5, Timestamp.valueOf(LocalDateTime.now()));
            ps.executeUpdate();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
