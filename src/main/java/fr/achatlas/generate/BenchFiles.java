package fr.achatlas.generate;

import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Benchmark-scale files (docs/benchmarks.md): a spending export of N lines in the "mandats" layout (UTF-8 here, so
 * that DuckDB's read_csv can read the very same file), the same lines as an XLSX sheet, and a StockEtablissement-shaped
 * SIRENE file of N lines, 1 % of them in Ille-et-Vilaine. Deterministic for a given seed.
 */
public final class BenchFiles {

    private BenchFiles() {
    }

    /** The columns of the benchmark export: the "mandats" layout, read by the bundled profile mandats-cp1252. */
    private static final String[] SPENDING_HEADER = {"N° mandat", "Date mandat", "SIRET ordonnateur", "Budget", "Compte nature",
            "Fonction", "Direction gestionnaire", "Service gestionnaire", "SIRET tiers", "Raison sociale tiers", "Montant HT",
            "Montant TTC", "N° marché", "Objet du mandat"};

    /** One payment of the benchmark export; the TTC amount is HT × 1.2 rounded to the cent. */
    private record Payment(long index, LocalDate date, String buyer, String account, String siret, String name, long cents,
                           String contractRef) {
        long ttcCents() {
            return Math.round(cents * 1.2);
        }
    }

    @FunctionalInterface
    private interface PaymentSink {
        void accept(Payment p) throws IOException;
    }

    /** N payments: 15 buyers, 20 000 suppliers (a few of them most of the lines), lognormal amounts, 0.5 % negative. */
    private static void payments(long lines, long seed, PaymentSink sink) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] buyers = new String[15];
        for (int i = 0; i < buyers.length; i++) buyers[i] = Ids.siret(Ids.siren("2135", rnd), 1);
        int nSuppliers = 20_000;
        String[] sirets = new String[nSuppliers];
        String[] names = new String[nSuppliers];
        for (int i = 0; i < nSuppliers; i++) {
            sirets[i] = Ids.siret(Ids.siren(String.valueOf(3 + rnd.nextInt(7)), rnd), 1 + rnd.nextInt(5));
            names[i] = "Fournisseur " + i + (i % 3 == 0 ? " SARL" : i % 3 == 1 ? " SAS" : " & Fils");
        }
        String[] accounts = {"60632", "6068", "6064", "615221", "61558", "6231", "2313", "611", "617", "2183"};
        LocalDate base = LocalDate.of(2022, 1, 1);
        for (long i = 0; i < lines; i++) {
            int s = (int) Math.min(nSuppliers - 1, Math.abs(rnd.nextGaussian()) * nSuppliers / 3);
            long cents = Math.max(100, Math.round(Math.exp(7.2 + 1.3 * rnd.nextGaussian()) * 100));
            if (rnd.nextInt(200) == 0) cents = -cents;
            LocalDate date = base.plusDays(rnd.nextInt(1095));
            String buyer = buyers[rnd.nextInt(buyers.length)];
            String account = accounts[rnd.nextInt(accounts.length)];
            String ref = rnd.nextInt(4) == 0 ? "2023-M-" + rnd.nextInt(500) : null;
            sink.accept(new Payment(i, date, buyer, account, sirets[s], names[s], cents, ref));
        }
    }

    public static long spending(Path file, long lines, long seed) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
            w.write(String.join(";", SPENDING_HEADER) + "\n");
            StringBuilder sb = new StringBuilder(256);
            payments(lines, seed, p -> {
                sb.setLength(0);
                sb.append('M').append(p.index()).append(';').append(SpendingGenerator.dmy(p.date())).append(';')
                        .append(p.buyer()).append(";Principal;").append(p.account())
                        .append(";020;Direction des bâtiments;Service maintenance;").append(p.siret()).append(';').append(p.name())
                        .append(';').append(SpendingGenerator.fr(p.cents(), ' ')).append(';').append(SpendingGenerator.fr(p.ttcCents(), ' '))
                        .append(';').append(p.contractRef() == null ? "" : p.contractRef()).append(";Achat courant\n");
                w.write(sb.toString());
            });
        }
        return Files.size(file);
    }

    /** The rows a sheet can hold below its header. */
    public static final long XLSX_MAX_LINES = 1_048_575;

    /**
     * The same payments as {@link #spending} (same seed, same lines) as the spreadsheet a finance department would
     * export: date cells, SIRETs typed as numbers, amounts as Excel stores them.
     */
    public static long spendingXlsx(Path file, long lines, long seed) throws IOException {
        if (lines > XLSX_MAX_LINES) {
            throw new IllegalArgumentException("Une feuille XLSX tient au plus " + XLSX_MAX_LINES + " lignes sous l'en-tête.");
        }
        // deterministic as the other benchmark files: the workbook's creation stamp is a fixed date
        DeterministicXlsx.write(file, LocalDate.of(2025, 1, 15).atTime(9, 0), wb -> {
            Worksheet ws = wb.newWorksheet("Mandats");
            for (int c = 0; c < SPENDING_HEADER.length; c++) ws.value(0, c, SPENDING_HEADER[c]);
            payments(lines, seed, p -> {
                int r = (int) p.index() + 1;
                ws.value(r, 0, "M" + p.index());
                ws.value(r, 1, p.date());
                ws.style(r, 1).format("dd/mm/yyyy").set();
                ws.value(r, 2, Long.parseLong(p.buyer()));
                ws.value(r, 3, "Principal");
                ws.value(r, 4, p.account());
                ws.value(r, 5, "020");
                ws.value(r, 6, "Direction des bâtiments");
                ws.value(r, 7, "Service maintenance");
                ws.value(r, 8, Long.parseLong(p.siret()));
                ws.value(r, 9, p.name());
                ws.value(r, 10, SpendingGenerator.asExcelStores(p.cents()));
                ws.value(r, 11, SpendingGenerator.asExcelStores(p.ttcCents()));
                if (p.contractRef() != null) ws.value(r, 12, p.contractRef());
                ws.value(r, 13, "Achat courant");
                if (r % 100_000 == 0) ws.flush(); // keeps the writer's memory flat
            });
        });
        return Files.size(file);
    }

    private static final String[][] COMMUNES = {{"35238", "35000", "RENNES"}, {"35047", "35170", "BRUZ"},
            {"75108", "75008", "PARIS 8"}, {"69383", "69003", "LYON 3"}, {"13208", "13008", "MARSEILLE 8"},
            {"44109", "44000", "NANTES"}, {"33063", "33000", "BORDEAUX"}, {"31555", "31000", "TOULOUSE"},
            {"59350", "59000", "LILLE"}, {"67482", "67000", "STRASBOURG"}, {"2A004", "20000", "AJACCIO"},
            {"97411", "97400", "SAINT-DENIS"}, {"29019", "29200", "BREST"}, {"06088", "06000", "NICE"}};

    public static long sireneEstablishments(Path file, long lines, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
            w.write(SpendingGenerator.ET_HEADER + "\n");
            StringBuilder sb = new StringBuilder(400);
            long siren = 300_000_000L;
            for (long i = 0; i < lines; i++) {
                if (rnd.nextInt(3) != 0) siren += 1 + rnd.nextInt(40);
                String sirenText = String.valueOf(siren);
                int nic = 10 + rnd.nextInt(900);
                String[] c = rnd.nextInt(100) == 0 ? COMMUNES[rnd.nextInt(2)] : COMMUNES[2 + rnd.nextInt(COMMUNES.length - 2)];
                boolean hidden = rnd.nextInt(50) == 0;
                sb.setLength(0);
                sb.append(sirenText).append(',').append(String.format("%05d", nic)).append(',').append(sirenText)
                        .append(String.format("%05d", nic)).append(',').append(hidden ? 'P' : 'O').append(",2005-03-01,NN,,,")
                        .append("2024-03-01T10:00:00,").append(rnd.nextInt(4) == 0).append(",3,,")
                        .append(hidden ? "[ND]" : String.valueOf(1 + rnd.nextInt(120))).append(",,,,")
                        .append(hidden ? "[ND]" : "RUE").append(',').append(hidden ? "[ND]" : "\"DES LILAS, BAT " + rnd.nextInt(9) + "\"")
                        .append(',').append(c[1]).append(',').append(c[2]).append(",,,").append(c[0])
                        .append(",,,,,,,,,,,,,,,,,,,,,,2020-01-01,").append(rnd.nextInt(5) == 0 ? 'F' : 'A')
                        .append(",,,,,47.11B,NAFRev2,N,47.11B\n");
                w.write(sb.toString());
            }
        }
        return Files.size(file);
    }
}
