package fr.achatlas.testing;

import fr.achatlas.classify.run.Reclassifier;
import fr.achatlas.importer.SpendingImporter;
import fr.achatlas.store.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static fr.achatlas.testing.CubeFixture.BUYER_A;
import static fr.achatlas.testing.CubeFixture.BUYER_B;

/**
 * The cube fixture's contracts plus six real spending lines of buyers A and B (imported from a CSV through the
 * spending importer), all classified: roof repairs on account 615221 for both buyers, and vague lines on an account
 * no crosswalk knows (6718), which land in the validation queue.
 */
public final class ClassificationFixture {

    private ClassificationFixture() {
    }

    public static void load(Database db, Path dir) throws SQLException, IOException {
        CubeFixture.load(db);
        Path csv = dir.resolve("depenses.csv");
        Files.writeString(csv, """
                SIRET acheteur;Date de paiement;Montant HT;SIRET fournisseur;Fournisseur;Compte;Libellé
                %1$s;15/02/2024;2000,00;%3$s;Bâtiments de Fictiville SA;615221;Réparation de la toiture de la mairie
                %1$s;16/03/2024;1500,00;%3$s;Bâtiments de Fictiville SA;615221;Reprise des gouttières de l'école
                %1$s;17/04/2024;3000,00;%4$s;Jardins de Fictiville SARL;6718;Prestation diverse
                %1$s;20/04/2024;500,00;%4$s;Jardins de Fictiville SARL;6718;Frais divers de fonctionnement
                %2$s;18/05/2024;10000,00;%3$s;Bâtiments de Fictiville SA;615221;Secret de Bêta toiture
                %2$s;19/06/2024;20000,00;%4$s;Jardins de Fictiville SARL;6718;Autre secret de Bêta
                """.formatted(BUYER_A, BUYER_B, CubeFixture.H2, CubeFixture.H1));
        SpendingImporter.Report report = new SpendingImporter(db, null, null).importFile(csv);
        if (report.loaded() != 6) throw new IllegalStateException("fixture: " + report);
        new Reclassifier(db).run("test");
    }

    /** The key of the line with this label. */
    public static long line(Database db, String label) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT line_key FROM spending_line WHERE label = ?")) {
            ps.setString(1, label);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no line " + label);
                return rs.getLong(1);
            }
        }
    }
}
