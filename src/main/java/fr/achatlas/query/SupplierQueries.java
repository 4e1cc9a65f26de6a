package fr.achatlas.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The supplier referential and its locations, as the cartography and the CLI read them. */
public final class SupplierQueries {

    public record Location(String siret, String siren, String name, String communeCode, String epciCode,
                           String departementCode, String regionCode, Boolean local, String companyCategory,
                           String inclusionType) {
    }

    public record Counts(long units, long establishments, long withCategory, long withCommune, long local,
                         long inclusive, long ess, long nonDiffusible, long communes, long communesWithCentroid) {
    }

    private final Connection conn;

    public SupplierQueries(Connection conn) {
        this.conn = conn;
    }

    public Counts counts() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT (SELECT count(*) FROM supplier_unit), (SELECT count(*) FROM supplier_establishment),
                       (SELECT count(*) FROM supplier_unit WHERE company_category IS NOT NULL),
                       (SELECT count(*) FROM supplier_establishment WHERE commune_code IS NOT NULL),
                       (SELECT count(*) FROM supplier_location WHERE is_local),
                       (SELECT count(*) FROM supplier_unit WHERE inclusion_type IS NOT NULL),
                       (SELECT count(*) FROM supplier_unit WHERE ess),
                       (SELECT count(*) FROM supplier_unit WHERE NOT diffusible),
                       (SELECT count(*) FROM geo_commune), (SELECT count(*) FROM geo_commune WHERE lat IS NOT NULL)""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
        }
    }

    /** Establishment locations (local flag under the active definition); null {@code siren} for all. */
    public List<Location> locations(String siren, int limit) throws SQLException {
        List<Location> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT l.siret, l.siren, u.name, l.commune_code, l.epci_code, l.departement_code, l.region_code, l.is_local,
                       u.company_category, u.inclusion_type
                FROM supplier_location l LEFT JOIN supplier_unit u USING (siren)
                WHERE ? IS NULL OR l.siren = ? ORDER BY l.siret LIMIT ?""")) {
            ps.setString(1, siren);
            ps.setString(2, siren);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean local = rs.getBoolean(8);
                    Boolean l = rs.wasNull() ? null : local;
                    out.add(new Location(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), l, rs.getString(9), rs.getString(10)));
                }
            }
        }
        return out;
    }

    /** The active local definition in words, or null. */
    public String localDefinition() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT d.mode, d.reference_commune, c.name, d.departements, d.radius_km
                FROM local_definition d LEFT JOIN geo_commune c ON c.code = d.reference_commune""");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return null;
            String ref = rs.getString(2) + (rs.getString(3) == null ? "" : " " + rs.getString(3));
            return switch (rs.getString(1)) {
                case "EPCI" -> "même EPCI que " + ref;
                case "DEPARTEMENT" -> "même département que " + ref;
                case "REGION" -> "même région que " + ref;
                case "DEPARTEMENTS" -> "départements " + rs.getString(4);
                default -> "à moins de " + rs.getDouble(5) + " km de " + ref;
            };
        }
    }

    /** SIRENs of the referential that SIRENE has not enriched yet (known from DECP or spending only). */
    public List<String> unitsWithoutSirene(int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT siren FROM supplier_unit WHERE source IN ('DECP', 'SPENDING', 'INCLUSION') ORDER BY siren LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }
}
