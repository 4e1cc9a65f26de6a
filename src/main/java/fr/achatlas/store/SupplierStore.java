package fr.achatlas.store;

import fr.achatlas.model.SupplierRecords;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The supplier referential: SIRENE units and establishments (stock files or API), inclusive-sector lists, and the
 * identifiers seen in DECP and spending unified under one SIREN.
 */
public final class SupplierStore {

    private final Database db;

    public SupplierStore(Database db) {
        this.db = db;
    }

    /** The SIRENs the territory needs: DECP holders and spending suppliers, plus buyers. */
    public Set<Long> neededSirens() throws SQLException {
        Set<Long> out = new HashSet<>();
        try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery("""
                SELECT DISTINCT siren FROM (
                    SELECT siren FROM contract_holder UNION ALL SELECT siren FROM supplier
                    UNION ALL SELECT supplier_siren FROM spending_line UNION ALL SELECT siren FROM buyer
                    UNION ALL SELECT siren FROM supplier_establishment UNION ALL SELECT siren FROM inclusion_entry)
                WHERE siren IS NOT NULL AND length(siren) = 9 AND regexp_full_match(siren, '[0-9]{9}')""")) {
            while (rs.next()) out.add(Long.parseLong(rs.getString(1)));
        }
        return out;
    }

    /** A batch of SIRENE rows, staged then upserted in one transaction. */
    public final class SireneBatch implements AutoCloseable {
        private final DuckDBConnection c = db.connection();
        private final DuckDBAppender units;
        private final DuckDBAppender establishments;
        private boolean done;

        private SireneBatch() throws SQLException {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("""
                        CREATE OR REPLACE TEMP TABLE stg_unit (siren VARCHAR, name VARCHAR, name_norm VARCHAR, diffusible BOOLEAN,
                            legal_category VARCHAR, company_category VARCHAR, company_category_year INTEGER, headcount_band VARCHAR,
                            naf VARCHAR, ess BOOLEAN, active BOOLEAN, source VARCHAR)""");
                st.execute("CREATE OR REPLACE TEMP TABLE stg_establishment AS SELECT * FROM supplier_establishment LIMIT 0");
            }
            units = c.createAppender("temp", "main", "stg_unit");
            establishments = c.createAppender("temp", "main", "stg_establishment");
        }

        public void unit(SupplierRecords.Unit u) {
            try {
                units.beginRow().append(u.siren()).append(u.diffusible() ? u.name() : null)
                        .append(u.diffusible() ? u.nameNorm() : null).append(u.diffusible()).append(u.legalCategory())
                        .append(u.companyCategory()).append(u.companyCategoryYear()).append(u.headcountBand()).append(u.naf())
                        .append(u.ess()).append(u.active()).append(u.source()).endRow();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        public void establishment(SupplierRecords.Establishment e) {
            try {
                establishments.beginRow().append(e.siret()).append(e.siren()).append(e.communeCode()).append(e.postcode())
                        .append(e.address()).append(e.country()).append(e.active()).append(e.headquarters()).append(e.source())
                        .endRow();
            } catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        }

        public void commit() throws SQLException {
            try {
                units.close();
                establishments.close();
                try (Statement st = c.createStatement()) {
                    st.execute("""
                            INSERT INTO supplier_unit (siren, name, name_norm, diffusible, legal_category, company_category,
                                company_category_year, micro, headcount_band, naf, ess, active, source, updated_at)
                            SELECT DISTINCT ON (siren) siren, name, name_norm, diffusible, legal_category, company_category,
                                company_category_year,
                                CASE WHEN headcount_band IN ('NN', '00', '01', '02', '03') AND coalesce(company_category, 'PME') = 'PME' THEN true
                                     WHEN headcount_band IS NOT NULL THEN false END,
                                headcount_band, naf, ess, active, source, current_timestamp
                            FROM stg_unit WHERE siren IS NOT NULL
                            ON CONFLICT (siren) DO UPDATE SET name = excluded.name, name_norm = excluded.name_norm,
                                diffusible = excluded.diffusible, legal_category = excluded.legal_category,
                                company_category = excluded.company_category, company_category_year = excluded.company_category_year,
                                micro = excluded.micro, headcount_band = excluded.headcount_band, naf = excluded.naf,
                                ess = excluded.ess, active = excluded.active, source = excluded.source, updated_at = excluded.updated_at""");
                    st.execute("""
                            INSERT INTO supplier_establishment SELECT DISTINCT ON (siret) * FROM stg_establishment WHERE siret IS NOT NULL
                            ON CONFLICT (siret) DO UPDATE SET siren = excluded.siren, commune_code = excluded.commune_code,
                                postcode = excluded.postcode, address = excluded.address, country = excluded.country,
                                active = excluded.active, headquarters = excluded.headquarters, source = excluded.source""");
                    st.execute("DROP TABLE stg_unit");
                    st.execute("DROP TABLE stg_establishment");
                }
                c.commit();
                done = true;
            } catch (SQLException | RuntimeException e) {
                close();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }

        @Override
        public void close() throws SQLException {
            if (done) return;
            done = true;
            try {
                units.close();
                establishments.close();
            } catch (SQLException ignored) {
                // rolled back below
            }
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    public SireneBatch sireneBatch() throws SQLException {
        return new SireneBatch();
    }

    /** Replaces the entries of one list file and sets each SIREN's inclusive type from the most recent list. */
    public long inclusion(String sourceFile, List<SupplierRecords.InclusionEntry> entries) throws SQLException {
        DuckDBConnection c = db.connection();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM inclusion_entry WHERE source_file = ?")) {
                del.setString(1, sourceFile);
                del.executeUpdate();
            }
            try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "inclusion_entry")) {
                for (SupplierRecords.InclusionEntry e : entries) {
                    a.beginRow().append(e.siret()).append(e.siren()).append(e.type()).append(e.listDate()).append(e.name())
                            .append(sourceFile).endRow();
                }
            }
            st.execute("""
                    INSERT INTO supplier_unit (siren, name, source, updated_at)
                    SELECT siren, any_value(name), 'INCLUSION', current_timestamp FROM inclusion_entry
                    WHERE siren NOT IN (SELECT siren FROM supplier_unit) GROUP BY siren""");
            st.execute("""
                    INSERT INTO supplier_establishment (siret, siren, country, source)
                    SELECT DISTINCT siret, siren, 'FR', 'INCLUSION' FROM inclusion_entry
                    WHERE siret NOT IN (SELECT siret FROM supplier_establishment)""");
            long n = st.executeUpdate("""
                    UPDATE supplier_unit u SET inclusion_type = i.inclusion_type, inclusion_list_date = i.list_date
                    FROM (SELECT DISTINCT ON (siren) siren, inclusion_type, list_date FROM inclusion_entry
                          ORDER BY siren, list_date DESC NULLS LAST, inclusion_type) i
                    WHERE i.siren = u.siren""");
            c.commit();
            return n;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Unifies the identifiers seen in DECP (holders) and spending under the referential: each SIREN gets a unit and
     * each SIRET an establishment (source DECP or SPENDING, name = the most frequent published name) until SIRENE
     * enriches them. Foreign identifiers (TVA, HORS-UE) stay as they are on lines and holders.
     */
    public void unifyIdentifiers() throws SQLException {
        DuckDBConnection c = db.connection();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE seen AS
                    SELECT holder_id AS id, siren, name, 'DECP' AS source FROM contract_holder
                    WHERE id_type = 'SIRET' AND siren IS NOT NULL
                    UNION ALL
                    SELECT supplier_id, supplier_siren, supplier_name, 'SPENDING' FROM spending_line
                    WHERE supplier_siren IS NOT NULL AND supplier_id_type IN ('SIRET', 'SIREN', 'TVA')""");
            st.execute("""
                    INSERT INTO supplier_unit (siren, name, name_norm, source, updated_at)
                    SELECT siren, mode(name), NULL, min(source), current_timestamp FROM seen
                    WHERE siren NOT IN (SELECT siren FROM supplier_unit) GROUP BY siren""");
            st.execute("""
                    INSERT INTO supplier_establishment (siret, siren, country, source)
                    SELECT id, any_value(siren), 'FR', min(source) FROM seen
                    WHERE length(id) = 14 AND id NOT IN (SELECT siret FROM supplier_establishment) GROUP BY id""");
            st.execute("DROP TABLE seen");
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
