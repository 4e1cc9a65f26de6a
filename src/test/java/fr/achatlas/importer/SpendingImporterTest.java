package fr.achatlas.importer;

import fr.achatlas.spending.Encodings;
import fr.achatlas.spending.MappingProfile;
import fr.achatlas.spending.SpendingReader;
import fr.achatlas.store.Database;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static fr.achatlas.store.StoreSnapshot.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spending exports on fictional fixtures written here: encodings, separators, French numbers, rejects, dedup, ×100. */
class SpendingImporterTest {

    static final String BUYER = "21350047000013";

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    static final String MANDATS_HEADER = "N° mandat;Date mandat;SIRET ordonnateur;Budget;Compte nature;Fonction;"
            + "Direction gestionnaire;Service gestionnaire;SIRET tiers;Raison sociale tiers;Montant HT;Montant TTC;"
            + "N° marché;Objet du mandat\r\n";

    private Path cp1252Mandats() throws Exception {
        String body = MANDATS_HEADER
                + "M1;15/03/2023;213 500 470 00013;Principal;615221;020;Direction des bâtiments;Service maintenance;"
                + "552 100 554 00013;Électricité Générale de l'Ouest;1 820 542,00;2 184 650,40;2023M001;Réfection toiture école\r\n"
                + "M2;16/03/2023;21350047000013;Principal;6068;020;Direction des bâtiments;Service maintenance;"
                + ";Quincaillerie Dupont SARL;125,50;150,60;;Fournitures\r\n"
                + "M3;17/03/2023;21350047000013;Principal;6068;020;;;55210055400013;Électricité Générale de l'Ouest;-200,00;-240,00;2023M001;Avoir\r\n"
                + "M4;32/03/2023;21350047000013;Principal;6068;020;;;55210055400013;X;10,00;12,00;;date impossible\r\n"
                + "M5;18/03/2023;21350047000013;Principal;6068;020;;;55210055400013;X;dix euros;12,00;;montant illisible\r\n"
                + "M6;18/03/2023;21350047000013;Principal;6068;020;;;;;10,00;12,00;;sans fournisseur\r\n"
                + ";;;;;;;;;;;;;\r\n"
                + "M7;19/03/2023;21350047000013;Annexe eau;611;;;;55210055400014;\"Société \"\"Les Eaux\"\"; Ouest\";99,99;119,99;;clé SIRET fausse\r\n";
        Path f = dir.resolve("mandats.csv");
        Files.write(f, body.getBytes(Encodings.CP1252));
        return f;
    }

    @Test
    void importsACp1252ExportEveryLineAccountedFor() throws Exception {
        SpendingImporter.Report r = new SpendingImporter(db, null, null).importFile(cp1252Mandats());
        assertThat(r.profile()).isEqualTo("mandats-cp1252");
        assertThat(r.format()).contains("windows-1252").contains("';'");
        assertThat(r.read()).isEqualTo(7); // the blank line is not a record
        assertThat(r.loaded()).isEqualTo(4);
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(r.read()).isEqualTo(r.loaded() + r.duplicates() + r.rejected());
        assertThat(r.rejectedByRule()).containsEntry("SPENDING_DATE_INVALID", 1L).containsEntry("SPENDING_AMOUNT_INVALID", 1L)
                .containsEntry("SPENDING_SUPPLIER_MISSING", 1L);
        var c = db.connection();
        assertThat(count(c, "SELECT count(*) FROM spending_reject WHERE line_number = 5 AND rule = 'SPENDING_DATE_INVALID' AND value = '32/03/2023'")).isEqualTo(1);
        // French numbers, spaces in SIRETs, accents from cp1252, negative lines kept
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE amount_ht = 1820542.00 AND amount_ttc = 2184650.40 "
                + "AND supplier_id = '55210055400013' AND supplier_siren = '552100554' AND buyer_id = '" + BUYER + "' "
                + "AND supplier_name = 'Électricité Générale de l''Ouest' AND direction = 'Direction des bâtiments' AND line_number = 2")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE amount_ht = -200 AND label = 'Avoir'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE supplier_id IS NULL AND supplier_id_type = 'NAME' "
                + "AND supplier_name_norm = 'QUINCAILLERIE DUPONT'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE supplier_name = 'Société \"Les Eaux\"; Ouest' AND budget = 'Annexe eau'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_finding WHERE rule = 'SPENDING_SIRET_CHECKSUM' AND line_number = 9")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM import_batch WHERE kind = 'SPENDING' AND records_read = 7 AND loaded = 4 AND rejected = 3")).isEqualTo(1);
    }

    @Test
    void reimportingIsIdempotentAndOverlapsMergeAsDuplicates() throws Exception {
        Path f = cp1252Mandats();
        SpendingImporter imp = new SpendingImporter(db, null, null);
        imp.importFile(f);
        BigDecimal before = sum();
        SpendingImporter.Report again = imp.importFile(f);
        assertThat(again.loaded()).isZero();
        assertThat(again.duplicates()).isEqualTo(4);
        assertThat(sum()).isEqualByComparingTo(before);
        assertThat(count(db.connection(), "SELECT count(*) FROM spending_duplicate WHERE batch_id = " + again.batchId())).isEqualTo(4);
        // two genuinely equal payments in one file stay two lines
        Path twice = dir.resolve("twice.csv");
        String line = "M9;20/03/2023;21350047000013;Principal;6068;020;;;55210055400013;EGO;50,00;60,00;;Repas\r\n";
        Files.write(twice, (MANDATS_HEADER + line + line).getBytes(Encodings.CP1252));
        assertThat(imp.importFile(twice).loaded()).isEqualTo(2);
        assertThat(imp.importFile(twice).duplicates()).isEqualTo(2);
    }

    /**
     * A file of several chunks (≈ 3 MB), mapped on several threads: every line keeps its own line number, rejects point
     * at the right line, repeated contents are ranked in file order — and ranking them in the store (beyond the
     * in-memory bound) gives exactly the same line keys.
     */
    @Test
    void aLargeFileMappedInParallelKeepsLinesInOrderAndRanksRepeatsTheSameInMemoryAndInTheStore() throws Exception {
        Path f = dir.resolve("gros.csv");
        StringBuilder b = new StringBuilder(MANDATS_HEADER);
        int lines = 20_000;
        for (int k = 1; k <= lines; k++) {
            String line;
            if (k % 997 == 0) {
                line = "R;20/03/2023;" + BUYER + ";Principal;6068;020;;;55210055400013;EGO;50,00;60,00;;Repas répété\r\n";
            } else if (k % 4001 == 0) {
                line = "M" + k + ";31/02/2023;" + BUYER + ";Principal;6068;020;;;55210055400013;EGO;50,00;60,00;;date fausse\r\n";
            } else {
                line = "M" + k + ";" + String.format("%02d/%02d/2024", 1 + k % 28, 1 + k % 9) + ";" + BUYER + ";Principal;6068;020;Direction "
                        + (k % 7) + ";Service " + (k % 3) + ";55210055400013;Électricité Générale de l'Ouest;" + k + ",50;"
                        + (k + 1) + ",80;;Ligne numéro " + k + " avec un libellé assez long pour remplir le fichier\r\n";
            }
            b.append(line);
        }
        Files.write(f, b.toString().getBytes(Encodings.CP1252));
        assertThat(Files.size(f)).isGreaterThan(2L << 20);

        SpendingImporter.Report r = new SpendingImporter(db, null, null).importFile(f);
        int repeats = lines / 997;
        int rejected = lines / 4001;
        assertThat(r.read()).isEqualTo(lines);
        assertThat(r.rejectedByRule()).containsExactly(java.util.Map.entry("SPENDING_DATE_INVALID", (long) rejected));
        assertThat(r.loaded()).isEqualTo(lines - rejected);
        var c = db.connection();
        // the line number is the physical line (header = 1): record k is on line k + 1
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE invoice_ref LIKE 'M%' AND invoice_ref <> 'M' || (line_number - 1)")).isZero();
        assertThat(count(c, "SELECT count(*) FROM spending_reject WHERE rule = 'SPENDING_DATE_INVALID' AND line_number = 4002")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE direction = 'Direction 3' AND service = 'Service 1' AND line_number = 11")).isEqualTo(1);
        // the n-th copy of a repeated content (in file order) has the content hash mixed with n
        assertThat(count(c, "SELECT count(DISTINCT line_key) FROM spending_line WHERE invoice_ref = 'R'")).isEqualTo(repeats);
        assertThat(count(c, """
                SELECT count(*) FROM (SELECT line_key, line_number, first_value(line_key) OVER (ORDER BY line_number) AS first_key,
                    row_number() OVER (ORDER BY line_number) AS n FROM spending_line WHERE invoice_ref = 'R')
                WHERE line_key <> CASE WHEN n = 1 THEN first_key ELSE xor(first_key, n * 1000003) END""")).isZero();
        List<String> inMemory = keys(c);

        try (Database other = Database.open(dir.resolve("t2.duckdb"))) {
            SpendingImporter.Report r2 = new SpendingImporter(other, null, null).memoryKeys(1_000).importFile(f);
            assertThat(r2.loaded()).isEqualTo(r.loaded());
            assertThat(keys(other.connection())).isEqualTo(inMemory);
        }
    }

    private static List<String> keys(java.sql.Connection c) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT line_number, line_key FROM spending_line ORDER BY line_number")) {
            while (rs.next()) out.add(rs.getLong(1) + ":" + rs.getLong(2));
        }
        return out;
    }

    private BigDecimal sum() throws Exception {
        try (var st = db.connection().createStatement(); var rs = st.executeQuery("SELECT sum(amount) FROM spending_line")) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    static final String PAIEMENTS_HEADER = "siret_payeur|date_paiement|montant_ht|siret_fournisseur|nom_fournisseur|compte|"
            + "direction|service|ref_marche|num_facture|libelle";

    @Test
    void pipeAndTabSeparatedUtf8WithBom() throws Exception {
        Path pipe = dir.resolve("paiements.txt");
        Files.writeString(pipe, "\uFEFF" + PAIEMENTS_HEADER + "\n"
                + "21350047000013|2024-01-05|1.234,56|BE0123456789|Brussels Cleaning NV|6283|||||Nettoyage\n"
                + "21350047000013|05/01/2024|12 000|CHE123456789|Genève Conseil SA|622|||||Audit\n", StandardCharsets.UTF_8);
        SpendingImporter.Report r = new SpendingImporter(db, null, null).importFile(pipe);
        assertThat(r.profile()).isEqualTo("paiements-pipe");
        assertThat(r.loaded()).isEqualTo(2);
        var c = db.connection();
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE supplier_id_type = 'TVA' AND supplier_id = 'BE0123456789' AND amount = 1234.56")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE supplier_id_type = 'HORS-UE' AND amount = 12000")).isEqualTo(1);
    }

    /** A charset where quotes and line breaks are not single bytes cannot be cut into chunks: read row by row instead. */
    @Test
    void aUtf16ExportIsReadRowByRowWithTheSameResult() throws Exception {
        MappingProfile pipe = MappingProfile.named("paiements-pipe");
        MappingProfile utf16 = new MappingProfile("pipe-utf16", "test", "UTF-16LE", pipe.separator(), pipe.decimal(), pipe.buyer(),
                pipe.amountDivisor(), pipe.dateFallbackYear(), pipe.columns());
        Path f = dir.resolve("paiements-utf16.txt");
        Files.writeString(f, PAIEMENTS_HEADER + "\r\n"
                + "21350047000013|05/01/2024|1 234,56|55210055400013|Électricité Générale|6283|||||\"Nettoyage\nlocaux\"\r\n"
                + "21350047000013|06/01/2024|douze|55210055400013|Électricité Générale|622|||||Audit\r\n", StandardCharsets.UTF_16LE);
        SpendingImporter.Report r = new SpendingImporter(db, utf16, null).importFile(f);
        assertThat(r.format()).contains("UTF-16LE");
        assertThat(r.loaded()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(1);
        var c = db.connection();
        // the quoted label spans two lines (the record still starts on line 2); its line break is kept
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE line_number = 2 AND amount = 1234.56 "
                + "AND supplier_name = 'Électricité Générale' AND label = 'Nettoyage' || chr(10) || 'locaux'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_reject WHERE line_number = 4 AND rule = 'SPENDING_AMOUNT_INVALID'")).isEqualTo(1);
    }

    @Test
    void linesMeetTheirBuyersDirectionsAndServicesWhateverTheCaseAndSpaces() throws Exception {
        try (var st = db.connection().createStatement()) {
            st.execute("INSERT INTO buyer_unit VALUES ('" + BUYER + "', 'U-BAT-MAINT', 'Direction des bâtiments', 'Service maintenance'), "
                    + "('" + BUYER + "', 'U-BAT', 'Direction des bâtiments', NULL), "
                    + "('" + BUYER + "', 'U-FIN-COMPTA', 'Direction des finances', 'Comptabilité'), "
                    + "('21350047100011', 'U-OTHER', 'Direction des bâtiments', 'Service maintenance')");
        }
        Path pipe = dir.resolve("paiements.txt");
        Files.writeString(pipe, PAIEMENTS_HEADER + "\n"
                + BUYER + "|2024-01-05|100,00||Quincaillerie A|6068|DIRECTION DES BÂTIMENTS | service maintenance|||exact, casse et espaces\n"
                + BUYER + "|2024-01-06|100,00||Quincaillerie A|6068|Direction des bâtiments||||direction seule\n"
                + BUYER + "|2024-01-07|100,00||Quincaillerie A|6068||Comptabilité|||service seul\n"
                + BUYER + "|2024-01-08|100,00||Quincaillerie A|6068|Direction inconnue|Comptabilité|||direction inconnue\n"
                + BUYER + "|2024-01-09|100,00||Quincaillerie A|6068|||||ni l'un ni l'autre\n", StandardCharsets.UTF_8);
        SpendingImporter.Report r = new SpendingImporter(db, null, null).importFile(pipe);
        assertThat(r.loaded()).isEqualTo(5);
        var c = db.connection();
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE label = 'exact, casse et espaces' AND unit_id = 'U-BAT-MAINT'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE label = 'direction seule' AND unit_id = 'U-BAT'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE label = 'service seul' AND unit_id = 'U-FIN-COMPTA'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE label IN ('direction inconnue', 'ni l''un ni l''autre') AND unit_id IS NULL")).isEqualTo(2);
    }

    @Test
    void readsXlsxExports() throws Exception {
        Path x = dir.resolve("depenses.xlsx");
        try (OutputStream os = Files.newOutputStream(x); Workbook wb = new Workbook(os, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Dépenses");
            String[] h = {"Code SIRET budget", "Date de paiement", "Montant payé TTC", "Identifiant tiers", "Libellé tiers", "Libellé dépense"};
            for (int i = 0; i < h.length; i++) ws.value(0, i, h[i]);
            ws.value(1, 0, BUYER);
            ws.value(1, 1, java.time.LocalDate.of(2024, 2, 29));
            ws.style(1, 1).format("dd/mm/yyyy").set();
            ws.value(1, 2, 1234.5);
            ws.value(1, 3, "55210055400013");
            ws.value(1, 4, "EGO");
            ws.value(1, 5, "Travaux");
        }
        SpendingImporter.Report r = new SpendingImporter(db, null, null).importFile(x);
        assertThat(r.format()).isEqualTo("XLSX");
        assertThat(r.loaded()).isEqualTo(1);
        assertThat(count(db.connection(), "SELECT count(*) FROM spending_line WHERE payment_date = DATE '2024-02-29' "
                + "AND amount_ttc = 1234.50 AND amount_basis = 'TTC' AND line_number = 2")).isEqualTo(1);
    }

    /**
     * An export as a spreadsheet user hands it over: a title block above the header, amounts typed in Excel (which
     * stores 8,30 as 8.3000000000000007), a SIRET typed as a number and written in E notation, a total row at the end.
     */
    @Test
    void readsAnExcelExportWithATitleBlockAndExcelNumbers() throws Exception {
        Path x = dir.resolve("mandats 2024.xlsx");
        try (OutputStream os = Files.newOutputStream(x); Workbook wb = new Workbook(os, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Mandats");
            ws.value(0, 0, "État des mandats émis — Commune de Test");
            ws.value(1, 0, "Exercice 2024, budget principal");
            // row 3 left empty, as spreadsheets do between a title and the table
            String[] h = {"Code SIRET budget", "Date de paiement", "Montant payé TTC", "Identifiant tiers", "Libellé tiers", "Libellé dépense"};
            for (int i = 0; i < h.length; i++) ws.value(3, i, h[i]);
            ws.value(4, 0, BUYER);
            ws.value(4, 1, java.time.LocalDate.of(2024, 3, 1));
            ws.style(4, 1).format("dd/mm/yyyy").set();
            ws.value(4, 2, new BigDecimal("8.3000000000000007"));
            ws.value(4, 3, new BigDecimal("5.5210055400013E13"));
            ws.value(4, 4, "EGO");
            ws.value(4, 5, "Fournitures");
            ws.value(5, 0, BUYER);
            ws.value(5, 1, "02/03/2024");
            ws.value(5, 2, new BigDecimal("1234.5599999999999"));
            ws.value(5, 3, "55210055400013");
            ws.value(5, 4, "EGO");
            ws.value(5, 5, "Travaux");
            ws.value(6, 0, "Total");
            ws.value(6, 2, new BigDecimal("1242.86"));
        }
        SpendingImporter.Report r = new SpendingImporter(db, null, null).importFile(x);
        assertThat(r.profile()).isEqualTo("depenses-tabulation");
        assertThat(r.aboveHeader()).extracting(SpendingReader.PreambleRow::line).containsExactly(1L, 2L);
        assertThat(r.aboveHeader().getFirst().text()).isEqualTo("État des mandats émis — Commune de Test");
        assertThat(r.read()).isEqualTo(3);
        assertThat(r.loaded()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.rejectedByRule()).containsKey("SPENDING_DATE_MISSING");
        var c = db.connection();
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE line_number = 5 AND payment_date = DATE '2024-03-01' "
                + "AND amount_ttc = 8.30 AND supplier_id = '55210055400013' AND supplier_id_type = 'SIRET'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE line_number = 6 AND amount_ttc = 1234.56")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_reject WHERE line_number = 7 AND rule = 'SPENDING_DATE_MISSING'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_finding WHERE rule = 'SPENDING_ABOVE_HEADER' AND severity = 'INFO' "
                + "AND ((line_number = 1 AND value LIKE 'État des mandats%') OR (line_number = 2 AND value LIKE 'Exercice 2024%'))"))
                .isEqualTo(2);
    }

    /** A workbook opening on a cover sheet: the table is read from the first sheet that has a header. */
    @Test
    void readsTheFirstSheetThatHoldsTheTable() throws Exception {
        Path x = dir.resolve("classeur.xlsx");
        try (OutputStream os = Files.newOutputStream(x); Workbook wb = new Workbook(os, "test", "1.0")) {
            Worksheet cover = wb.newWorksheet("Sommaire");
            cover.value(0, 0, "Dépenses 2024 — Commune de Test");
            cover.value(2, 0, "Feuille « Mandats » : les mandats payés ; feuille « Paramètres » : l'extraction.");
            Worksheet ws = wb.newWorksheet("Mandats");
            String[] h = {"Code SIRET budget", "Date de paiement", "Montant payé TTC", "Identifiant tiers", "Libellé tiers"};
            for (int i = 0; i < h.length; i++) ws.value(0, i, h[i]);
            for (int r = 1; r <= 2; r++) {
                ws.value(r, 0, BUYER);
                ws.value(r, 1, "0" + r + "/04/2024");
                ws.value(r, 2, 100.25 * r);
                ws.value(r, 3, 55210055400013L);
                ws.value(r, 4, "EGO");
            }
            wb.newWorksheet("Paramètres").value(0, 0, "Extraction du 02/01/2025");
        }
        SpendingImporter.Report r = new SpendingImporter(db, null, null).importFile(x);
        assertThat(r.format()).isEqualTo("XLSX, feuille « Mandats » (2e)");
        assertThat(r.loaded()).isEqualTo(2);
        assertThat(r.aboveHeader()).isEmpty();
        assertThat(count(db.connection(), "SELECT count(*) FROM spending_line WHERE line_number = 3 AND amount_ttc = 200.50 "
                + "AND payment_date = DATE '2024-04-02'")).isEqualTo(1);
        // nothing recognisable anywhere: refused, naming the first sheet's first row
        Path none = dir.resolve("sans-tableau.xlsx");
        try (OutputStream os = Files.newOutputStream(none); Workbook wb = new Workbook(os, "test", "1.0")) {
            wb.newWorksheet("Sommaire").value(0, 0, "Rien ici");
            wb.newWorksheet("Autre").value(0, 0, "Ni là");
        }
        assertThatThrownBy(() -> new SpendingImporter(db, null, null).importFile(none))
                .hasMessageContaining("Aucun profil").hasMessageContaining("de chaque feuille").hasMessageContaining("Rien ici");
    }

    /**
     * A folder as a finance department fills it: one file that no profile reads, an Excel 97-2003 workbook, a
     * password-protected workbook, Excel's lock file, a PDF. Every file is accounted for, the readable ones go in,
     * nothing of the failed ones is written.
     */
    @Test
    void aFileThatCannotBeReadIsReportedAndTheOthersStillGoIn() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Files.write(folder.resolve("1-mandats.csv"), (MANDATS_HEADER
                + "M1;15/03/2023;" + BUYER + ";Principal;6068;020;;;55210055400013;EGO;12,50;15,00;;Fournitures\r\n").getBytes(Encodings.CP1252));
        Files.writeString(folder.resolve("2-inconnu.csv"), "a;b;c\n1;2;3\n");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
        Files.write(folder.resolve("3-ancien.xls"), ole2);
        Files.write(folder.resolve("4-protege.xlsx"), ole2);
        Files.write(folder.resolve("~$1-mandats.xlsx"), new byte[]{1, 2, 3});
        Files.writeString(folder.resolve("notice.pdf"), "%PDF-1.4");
        Path ods = dir.resolve("tableur.ods");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(ods))) {
            var e = new java.util.zip.ZipEntry("mimetype");
            e.setMethod(java.util.zip.ZipEntry.STORED);
            byte[] mime = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            e.setSize(mime.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mime);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(mime);
            zip.closeEntry();
        }
        java.util.Map<String, String> imported = new java.util.TreeMap<>();
        java.util.Map<String, String> failed = new java.util.TreeMap<>();
        java.util.Map<String, String> skipped = new java.util.TreeMap<>();
        new SpendingImporter(db, null, null).importEach(List.of(folder, ods), new SpendingImporter.Listener() {
            public void imported(SpendingImporter.Report r) {
                imported.put(Path.of(r.file()).getFileName().toString(), r.loaded() + " chargée(s)");
            }

            public void failed(Path file, String reason) {
                failed.put(file.getFileName().toString(), reason);
            }

            public void skipped(Path file, String reason) {
                skipped.put(file.getFileName().toString(), reason);
            }
        });
        assertThat(imported).containsExactly(java.util.Map.entry("1-mandats.csv", "1 chargée(s)"));
        assertThat(failed).containsOnlyKeys("2-inconnu.csv", "4-protege.xlsx", "tableur.ods");
        assertThat(failed.get("2-inconnu.csv")).contains("Aucun profil").contains("[a, b, c]");
        assertThat(failed.get("4-protege.xlsx")).contains("protégé par mot de passe");
        assertThat(failed.get("tableur.ods")).contains("OpenDocument");
        assertThat(skipped).containsOnlyKeys("3-ancien.xls", "~$1-mandats.xlsx", "notice.pdf");
        assertThat(skipped.get("3-ancien.xls")).contains("Excel 97-2003");
        assertThat(skipped.get("~$1-mandats.xlsx")).contains("verrou");
        var c = db.connection();
        assertThat(count(c, "SELECT count(*) FROM import_batch WHERE kind = 'SPENDING'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line")).isEqualTo(1);
    }

    @Test
    void aBuyerThatIsNeitherSiretNorSirenIsKeptWithAWarning() throws Exception {
        Path f = dir.resolve("acheteur-nom.txt");
        Files.writeString(f, "siret_payeur|date_paiement|num_facture|siret_fournisseur|nom_fournisseur|montant_ht\n"
                + "Ville de Test|2024-01-05|F1|55210055400013|EGO|12,00\n"
                + "213 500 470|2024-01-06|F2|55210055400013|EGO|13,00\n");
        SpendingImporter.Report r = new SpendingImporter(db, null, null).importFile(f);
        assertThat(r.loaded()).isEqualTo(2);
        assertThat(r.warnings()).isEqualTo(1);
        assertThat(count(db.connection(), "SELECT count(*) FROM spending_finding WHERE rule = 'SPENDING_BUYER_NOT_SIRET' "
                + "AND line_number = 2 AND value = 'Ville de Test'")).isEqualTo(1);
    }

    /** The benchmark's payments written once as a CSV with French numbers, once as a spreadsheet: the same lines. */
    @Test
    void theSamePaymentsAsCsvAndAsXlsxAreTheSameLines() throws Exception {
        Path csv = dir.resolve("depenses.csv");
        Path xlsx = dir.resolve("depenses.xlsx");
        fr.achatlas.generate.BenchFiles.spending(csv, 300, 5);
        fr.achatlas.generate.BenchFiles.spendingXlsx(xlsx, 300, 5);
        Path again = dir.resolve("again.xlsx");
        fr.achatlas.generate.BenchFiles.spendingXlsx(again, 300, 5);
        assertThat(Files.mismatch(xlsx, again)).as("deterministic for a seed").isEqualTo(-1L);
        MappingProfile mandats = MappingProfile.named("mandats-cp1252");
        SpendingImporter.Report first = new SpendingImporter(db, mandats, null).importFile(csv);
        assertThat(first.loaded()).isEqualTo(300);
        SpendingImporter.Report second = new SpendingImporter(db, mandats, null).importFile(xlsx);
        assertThat(second.format()).isEqualTo("XLSX");
        assertThat(second.read()).isEqualTo(300);
        assertThat(second.duplicates()).as("every spreadsheet line is a line already loaded from the CSV").isEqualTo(300);
        assertThat(second.warnings()).isZero();
    }

    /** A CSV whose title lines hold commas and whose labels do too: the separator and the header are still found. */
    @Test
    void findsTheHeaderAndSeparatorOfACsvBelowItsTitleLines() throws Exception {
        StringBuilder body = new StringBuilder("Etat des mandats, exercice 2023, budget principal, édité le 05/01/2024\r\n")
                .append("Collectivité : Commune de Test\r\n\r\n")
                .append(MANDATS_HEADER);
        for (int i = 1; i <= 5; i++) {
            body.append("M").append(i).append(";1").append(i).append("/03/2023;").append(BUYER)
                    .append(";Principal;6068;020;;;55210055400013;EGO;1").append(i).append(",50;;;Fournitures, pose, dépose, reprise\r\n");
        }
        Path f = dir.resolve("etat-mandats.csv");
        Files.write(f, body.toString().getBytes(Encodings.CP1252));
        SpendingImporter.Report r = new SpendingImporter(db, null, null).importFile(f);
        assertThat(r.format()).contains("';'");
        assertThat(r.profile()).isEqualTo("mandats-cp1252");
        assertThat(r.aboveHeader()).extracting(SpendingReader.PreambleRow::line).containsExactly(1L, 2L);
        assertThat(r.loaded()).isEqualTo(5);
        assertThat(count(db.connection(), "SELECT count(*) FROM spending_line WHERE line_number BETWEEN 5 AND 9 "
                + "AND label = 'Fournitures, pose, dépose, reprise'")).isEqualTo(5);
        // with the profile given, the same header is found the same way
        SpendingImporter.Report again = new SpendingImporter(db, MappingProfile.named("mandats-cp1252"), null).importFile(f);
        assertThat(again.aboveHeader()).hasSize(2);
        assertThat(again.duplicates()).isEqualTo(5);
    }

    @Test
    void aProfileThatDoesNotFitIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path f = dir.resolve("autre.csv");
        Files.writeString(f, "a;b;c\n1;2;3\n");
        assertThatThrownBy(() -> new SpendingImporter(db, null, null).importFile(f)).hasMessageContaining("Aucun profil");
        MappingProfile p = MappingProfile.named("mandats-cp1252");
        assertThatThrownBy(() -> new SpendingImporter(db, p, null).importFile(f)).hasMessageContaining("colonnes absentes");
        assertThat(count(db.connection(), "SELECT count(*) FROM import_batch")).isZero();
    }

    @Test
    void detectsTheHundredfoldErrorAgainstTheBuyersHistoryAndReimportsWithADivisor() throws Exception {
        StringBuilder good = new StringBuilder(MANDATS_HEADER);
        StringBuilder bad = new StringBuilder(MANDATS_HEADER);
        for (int i = 0; i < 60; i++) {
            long cents = 10_000 + i * 1_737L;
            good.append("G").append(i).append(";10/01/2023;" + BUYER + ";P;6068;;;;55210055400013;EGO;")
                    .append(cents / 100).append(',').append(String.format("%02d", cents % 100)).append(";;;Achat ").append(i).append("\r\n");
            bad.append("B").append(i).append(";10/02/2023;" + BUYER + ";P;6068;;;;55210055400013;EGO;")
                    .append(cents).append(";;;Achat ").append(i).append("\r\n"); // cents without a separator
        }
        Path g = dir.resolve("janvier.csv");
        Path b = dir.resolve("fevrier.csv");
        Files.write(g, good.toString().getBytes(Encodings.CP1252));
        Files.write(b, bad.toString().getBytes(Encodings.CP1252));
        SpendingImporter imp = new SpendingImporter(db, null, null);
        assertThat(imp.importFile(g).x100Evidence()).isEmpty();
        SpendingImporter.Report r = imp.importFile(b);
        assertThat(r.x100Evidence()).hasSize(1);
        assertThat(r.suspectLines()).isEqualTo(60);
        var c = db.connection();
        assertThat(count(c, "SELECT count(*) FROM spending_finding WHERE rule = 'SPENDING_AMOUNT_X100' AND line_number = 0 AND batch_id = " + r.batchId())).isEqualTo(1);
        // re-read with the divisor: same amounts as the good month
        SpendingImporter.Report fixed = new SpendingImporter(db, null, 100).importFile(b);
        assertThat(fixed.x100Evidence()).isEmpty();
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE batch_id = " + fixed.batchId() + " AND amount BETWEEN 100 AND 1200")).isEqualTo(60);
    }

    @Test
    void expandsDirectoriesToSpendingFilesOnly() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "x");
        Files.writeString(dir.resolve("b.json"), "{}");
        assertThat(SpendingImporter.expand(List.of(dir))).extracting(p -> p.getFileName().toString()).containsExactly("a.csv");
    }
}
