package fr.achatlas.generate;

import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes what the buyers' accounting would export for the generated territory, and the referentials that enrich it
 * (docs/generator.md, docs/spending.md):
 * <ul>
 *   <li>{@code depenses_<buyer>_<year>.*}: every payment of a buyer in a year (≈ the territory's annual purchases),
 *       payments of its contracts over their life (with or without the contract reference) and purchases off contract,
 *       in three text layouts — cp1252 ';' with HT and TTC, UTF-8 BOM tab-separated TTC, UTF-8 '|' with spaced SIRETs
 *       and name-only lines — and, for the hospital, an XLSX spreadsheet with a title block and a total row; with
 *       cancellations (negative lines); one file (the SDIS's last year) has the ×100 trap: cents written without a
 *       decimal separator;</li>
 *   <li>{@code sirene_StockUniteLegale.csv}, {@code sirene_StockEtablissement.csv}: a SIRENE-shaped extract of the
 *       French suppliers and buyers (2025 layout), with non-diffusible sole traders and unrelated companies;</li>
 *   <li>{@code inclusion_structures.csv}: the ESAT, EA and SIAE of the pool (SIRET; type; name), dated.</li>
 * </ul>
 * Uses its own random stream (seed-derived): the DECP files are unchanged by it.
 */
final class SpendingGenerator {

    static final Charset CP1252 = Charset.forName("windows-1252");

    /** Layouts: the bundled profiles read them (src/main/resources/spending-profiles); the XLSX one by generic-fr. */
    enum Layout { MANDATS_CP1252, DEPENSES_TAB, PAIEMENTS_PIPE, MANDATS_XLSX }

    /** The text layouts, given to the buyers in turn; the hospital's finance department hands over a spreadsheet. */
    private static final Layout[] TEXT_LAYOUTS = {Layout.MANDATS_CP1252, Layout.DEPENSES_TAB, Layout.PAIEMENTS_PIPE};

    private final SplittableRandom rnd;
    private final List<Buyer> buyers;
    private final SupplierPool pool;
    private final Map<Buyer, List<SyntheticContract>> contracts;
    private final TerritoryGenerator.Settings settings;
    long lines;

    SpendingGenerator(long seed, List<Buyer> buyers, SupplierPool pool, Map<Buyer, List<SyntheticContract>> contracts,
                      TerritoryGenerator.Settings settings) {
        this.rnd = new SplittableRandom(seed ^ 0x5BE1D1E5L);
        this.buyers = buyers;
        this.pool = pool;
        this.contracts = contracts;
        this.settings = settings;
    }

    record Payment(LocalDate date, long htCents, Supplier supplier, String contractRef, String account, String function,
                   Buyer.Direction direction, String service, String label) {
    }

    List<String> write(Path outDir) throws IOException {
        List<String> written = new ArrayList<>();
        Buyer trap = buyers.stream().filter(b -> b.kind() == BuyerKind.SDIS).findFirst().orElse(buyers.get(buyers.size() - 1));
        for (int bi = 0; bi < buyers.size(); bi++) {
            Buyer b = buyers.get(bi);
            Layout layout = b.kind() == BuyerKind.CENTRE_HOSPITALIER ? Layout.MANDATS_XLSX : TEXT_LAYOUTS[bi % TEXT_LAYOUTS.length];
            for (int year = settings.firstYear(); year <= settings.lastFullYear(); year++) {
                List<Payment> payments = payments(b, year);
                boolean x100 = b == trap && year == settings.lastFullYear();
                String name = "depenses_" + b.siret() + "_" + year + switch (layout) {
                    case PAIEMENTS_PIPE -> ".txt";
                    case MANDATS_XLSX -> ".xlsx";
                    default -> ".csv";
                };
                if (layout == Layout.MANDATS_XLSX) writeXlsx(outDir.resolve(name), b, year, payments);
                else writeFile(outDir.resolve(name), b, layout, payments, x100);
                written.add(name);
                lines += payments.size();
            }
        }
        writeSirene(outDir);
        writeInclusion(outDir);
        written.add("sirene_StockUniteLegale.csv");
        written.add("sirene_StockEtablissement.csv");
        written.add("inclusion_structures.csv");
        return written;
    }

    // --- payments -------------------------------------------------------------------------------------------------

    private List<Payment> payments(Buyer b, int year) {
        List<Payment> out = new ArrayList<>();
        double budget = settings.annualPurchases() * b.budgetWeight() * (0.97 + 0.03 * (year - settings.firstYear()));
        double spent = 0;
        // 1. contracts running this year: their amount spread over their life, a few invoices a year
        for (SyntheticContract c : contracts.get(b)) {
            if (c.concession() || c.holders().isEmpty()) continue;
            LocalDate start = c.notificationDate();
            int months = Math.max(1, c.durationMonths());
            LocalDate end = start.plusMonths(months);
            if (end.getYear() < year || start.getYear() > year) continue;
            double perMonth = c.amount().doubleValue() * (0.75 + 0.2 * rnd.nextDouble()) / months;
            int invoices = 1 + rnd.nextInt(months >= 12 ? 12 : months);
            LocalDate from = start.getYear() == year ? start : LocalDate.of(year, 1, 1);
            LocalDate to = end.getYear() == year ? end : LocalDate.of(year, 12, 31);
            long days = Math.max(1, to.toEpochDay() - from.toEpochDay());
            double yearShare = perMonth * days / 30.4;
            Supplier s = c.holders().get(0);
            boolean withRef = rnd.nextDouble() < 0.7;
            Buyer.Direction d = b.directions().get(rnd.nextInt(b.directions().size()));
            for (int i = 0; i < invoices; i++) {
                LocalDate date = from.plusDays(rnd.nextLong(days));
                long cents = Math.max(100, Math.round(yearShare / invoices * 100 * (0.8 + 0.4 * rnd.nextDouble())));
                out.add(new Payment(date, cents, s, withRef ? c.id() : null, account(c.cpv()), function(b), d,
                        d.services().get(rnd.nextInt(d.services().size())), truncate(c.object())));
                spent += cents / 100.0;
            }
        }
        // 2. purchases off contract, mostly from local SMEs, until the year's budget is reached
        List<Supplier> all = pool.all();
        while (spent < budget) {
            Supplier s = all.get(rnd.nextInt(all.size()));
            if (!"PME".equals(s.size()) && rnd.nextDouble() < 0.6) s = all.get(rnd.nextInt(all.size()));
            double euros = Math.exp(7.2 + 1.3 * rnd.nextGaussian());
            euros = Math.min(euros, 39_000);
            long cents = Math.max(50, Math.round(euros * 100));
            Buyer.Direction d = b.directions().get(rnd.nextInt(b.directions().size()));
            out.add(new Payment(LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(365)), cents, s, null,
                    OFF_ACCOUNTS[rnd.nextInt(OFF_ACCOUNTS.length)], function(b), d, d.services().get(rnd.nextInt(d.services().size())),
                    OFF_LABELS[rnd.nextInt(OFF_LABELS.length)]));
            spent += euros;
        }
        // 3. cancellations: a few payments reversed
        int n = out.size();
        for (int i = 0; i < n / 200; i++) {
            Payment p = out.get(rnd.nextInt(n));
            out.add(new Payment(p.date().plusDays(rnd.nextInt(20)).withYear(year), -p.htCents(), p.supplier(), p.contractRef(),
                    p.account(), p.function(), p.direction(), p.service(), "Annulation – " + p.label()));
        }
        out.sort((x, y) -> x.date().compareTo(y.date()));
        return out;
    }

    private static final String[] OFF_ACCOUNTS = {"60632", "6068", "6064", "615221", "61558", "6231", "6247", "6135", "6288", "2188"};
    private static final String[] OFF_LABELS = {"Petites fournitures", "Réparation", "Prestation ponctuelle", "Location de matériel",
            "Achat de matériel", "Intervention technique", "Frais de réception", "Documentation", "Entretien", "Formation"};

    private String account(String cpv) {
        if (cpv == null) return "6288";
        return switch (cpv.substring(0, 2)) {
            case "45" -> "2313";
            case "71", "79" -> "617";
            case "09" -> "60612";
            case "15" -> "60623";
            case "30", "48", "72" -> "2183";
            case "34" -> "2182";
            case "90" -> "611";
            case "66" -> "616";
            default -> "6288";
        };
    }

    private static String function(Buyer b) {
        return switch (b.kind()) {
            case DEPARTEMENT -> "621";
            case CCAS -> "61";
            case SDIS -> "12";
            case CENTRE_HOSPITALIER, OFFICE_HABITAT -> null;
            default -> "020";
        };
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 120 ? s.substring(0, 120) : s;
    }

    // --- files ----------------------------------------------------------------------------------------------------

    private void writeFile(Path file, Buyer b, Layout layout, List<Payment> payments, boolean x100) throws IOException {
        Charset cs = layout == Layout.MANDATS_CP1252 ? CP1252 : StandardCharsets.UTF_8;
        try (OutputStream os = Files.newOutputStream(file);
             Writer w = new BufferedWriter(new OutputStreamWriter(os, cs), 1 << 16)) {
            if (layout == Layout.DEPENSES_TAB) w.write('\uFEFF');
            StringBuilder sb = new StringBuilder(256);
            switch (layout) {
                case MANDATS_CP1252 -> w.write("N° mandat;Date mandat;SIRET ordonnateur;Budget;Compte nature;Fonction;"
                        + "Direction gestionnaire;Service gestionnaire;SIRET tiers;Raison sociale tiers;Montant HT;Montant TTC;"
                        + "N° marché;Objet du mandat\r\n");
                case DEPENSES_TAB -> w.write("Code SIRET budget\tLibellé budget\tNuméro pièce\tDate de paiement\tArticle\t"
                        + "Code fonctionnel\tService\tIdentifiant tiers\tLibellé tiers\tMontant payé TTC\t"
                        + "Référence engagement juridique\tLibellé dépense\n");
                case PAIEMENTS_PIPE -> w.write("siret_payeur|date_paiement|num_facture|siret_fournisseur|nom_fournisseur|"
                        + "montant_ht|compte|direction|service|ref_marche|libelle\n");
            }
            int i = 0;
            for (Payment p : payments) {
                i++;
                sb.setLength(0);
                long ttc = Math.round(p.htCents() * 1.2);
                String ref = "M" + p.date().getYear() + "-" + String.format("%06d", i);
                switch (layout) {
                    case MANDATS_CP1252 -> {
                        sb.append(ref).append(';').append(dmy(p.date())).append(';').append(b.siret()).append(';')
                                .append("Principal").append(';').append(p.account()).append(';').append(nz(p.function())).append(';')
                                .append(p.direction().name()).append(';').append(p.service()).append(';')
                                .append(p.supplier().id()).append(';').append(csv(p.supplier().name(), ';')).append(';')
                                .append(x100 ? String.valueOf(p.htCents()) : fr(p.htCents(), ' ')).append(';')
                                .append(x100 ? String.valueOf(ttc) : fr(ttc, ' ')).append(';')
                                .append(nz(p.contractRef())).append(';').append(csv(p.label(), ';')).append("\r\n");
                    }
                    case DEPENSES_TAB -> {
                        sb.append(b.siret()).append('\t').append(b.kind() == BuyerKind.OFFICE_HABITAT ? "Budget principal" : "Budget général")
                                .append('\t').append(ref).append('\t').append(dmy(p.date())).append('\t').append(p.account()).append('\t')
                                .append(nz(p.function())).append('\t').append(p.service()).append('\t').append(p.supplier().id())
                                .append('\t').append(p.supplier().name()).append('\t').append(x100 ? String.valueOf(ttc) : fr(ttc, '\u00A0')).append('\t')
                                .append(nz(p.contractRef())).append('\t').append(p.label()).append('\n');
                    }
                    case PAIEMENTS_PIPE -> {
                        boolean nameOnly = "SIRET".equals(p.supplier().idType()) && rnd.nextDouble() < 0.05;
                        String id = nameOnly ? "" : "SIRET".equals(p.supplier().idType()) ? spaced(p.supplier().id()) : p.supplier().id();
                        String name = nameOnly && rnd.nextBoolean() ? p.supplier().name().toUpperCase(java.util.Locale.ROOT) : p.supplier().name();
                        sb.append(b.siret()).append('|').append(p.date()).append('|').append(ref).append('|').append(id).append('|')
                                .append(name).append('|').append(x100 ? String.valueOf(p.htCents()) : fr(p.htCents(), ' ')).append('|').append(p.account()).append('|')
                                .append(p.direction().name()).append('|').append(p.service()).append('|').append(nz(p.contractRef()))
                                .append('|').append(p.label()).append('\n');
                    }
                }
                w.write(sb.toString());
            }
        }
    }

    /**
     * The spreadsheet a hospital's finance department exports: a title block above the header, dates as date cells,
     * supplier SIRETs typed as numbers, amounts as Excel stores them (17 significant digits: 8,30 is
     * 8.3000000000000007), a total row at the bottom — which the import rejects, as it is not a payment.
     */
    private static void writeXlsx(Path file, Buyer b, int year, List<Payment> payments) throws IOException {
        LocalDate edited = LocalDate.of(year + 1, 1, 15);
        DeterministicXlsx.write(file, edited.atTime(9, 0), wb -> {
            Worksheet ws = wb.newWorksheet("Mandats " + year);
            ws.value(0, 0, "Extraction des mandats payés — " + b.name());
            ws.value(1, 0, "Exercice " + year + " — édité le " + dmy(edited));
            String[] h = {"SIRET acheteur", "N° mandat", "Date de paiement", "Compte", "Service", "SIRET fournisseur",
                    "Fournisseur", "Montant HT", "Montant TTC", "N° marché", "Libellé"};
            for (int c = 0; c < h.length; c++) ws.value(3, c, h[c]);
            int r = 4;
            long ht = 0, ttc = 0;
            for (Payment p : payments) {
                long pTtc = Math.round(p.htCents() * 1.2);
                ws.value(r, 0, b.siret());
                ws.value(r, 1, "M" + year + "-" + (r - 3));
                ws.value(r, 2, p.date());
                ws.style(r, 2).format("dd/mm/yyyy").set();
                ws.value(r, 3, p.account());
                ws.value(r, 4, p.service());
                if ("SIRET".equals(p.supplier().idType())) ws.value(r, 5, Long.parseLong(p.supplier().id()));
                else ws.value(r, 5, p.supplier().id());
                ws.value(r, 6, p.supplier().name());
                ws.value(r, 7, asExcelStores(p.htCents()));
                ws.value(r, 8, asExcelStores(pTtc));
                if (p.contractRef() != null) ws.value(r, 9, p.contractRef());
                ws.value(r, 10, p.label());
                ht += p.htCents();
                ttc += pTtc;
                r++;
            }
            ws.value(r, 0, "Total");
            ws.value(r, 7, asExcelStores(ht));
            ws.value(r, 8, asExcelStores(ttc));
        });
    }

    /** An amount as Excel writes a typed decimal into the file: the binary double, to 17 significant digits. */
    static BigDecimal asExcelStores(long cents) {
        return new BigDecimal(cents / 100.0).round(new MathContext(17));
    }

    static String dmy(LocalDate d) {
        int day = d.getDayOfMonth(), m = d.getMonthValue();
        return (day < 10 ? "0" : "") + day + "/" + (m < 10 ? "0" : "") + m + "/" + d.getYear();
    }

    /** 1 820 542,00 (French grouping with the given space). */
    static String fr(long cents, char space) {
        StringBuilder sb = new StringBuilder();
        long a = Math.abs(cents);
        String units = String.valueOf(a / 100);
        for (int i = 0; i < units.length(); i++) {
            if (i > 0 && (units.length() - i) % 3 == 0) sb.append(space);
            sb.append(units.charAt(i));
        }
        long c = a % 100;
        sb.append(',').append(c < 10 ? "0" : "").append(c);
        return cents < 0 ? "-" + sb : sb.toString();
    }

    private static String spaced(String siret) {
        return siret.length() == 14 ? siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) + " "
                + siret.substring(9) : siret;
    }

    private static String csv(String s, char sep) {
        if (s == null) return "";
        return s.indexOf(sep) >= 0 || s.indexOf('"') >= 0 ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // --- SIRENE extract and inclusive list ------------------------------------------------------------------------

    static final String UL_HEADER = "siren,statutDiffusionUniteLegale,unitePurgeeUniteLegale,dateCreationUniteLegale,sigleUniteLegale,"
            + "sexeUniteLegale,prenom1UniteLegale,prenom2UniteLegale,prenom3UniteLegale,prenom4UniteLegale,prenomUsuelUniteLegale,"
            + "pseudonymeUniteLegale,identifiantAssociationUniteLegale,trancheEffectifsUniteLegale,anneeEffectifsUniteLegale,"
            + "dateDernierTraitementUniteLegale,nombrePeriodesUniteLegale,categorieEntreprise,anneeCategorieEntreprise,dateDebut,"
            + "etatAdministratifUniteLegale,nomUniteLegale,nomUsageUniteLegale,denominationUniteLegale,denominationUsuelle1UniteLegale,"
            + "denominationUsuelle2UniteLegale,denominationUsuelle3UniteLegale,categorieJuridiqueUniteLegale,"
            + "activitePrincipaleUniteLegale,nomenclatureActivitePrincipaleUniteLegale,nicSiegeUniteLegale,"
            + "economieSocialeSolidaireUniteLegale,societeMissionUniteLegale,caractereEmployeurUniteLegale,"
            + "activitePrincipaleNAF25UniteLegale";
    static final String ET_HEADER = "siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,trancheEffectifsEtablissement,"
            + "anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,dateDernierTraitementEtablissement,"
            + "etablissementSiege,nombrePeriodesEtablissement,complementAdresseEtablissement,numeroVoieEtablissement,"
            + "indiceRepetitionEtablissement,dernierNumeroVoieEtablissement,indiceRepetitionDernierNumeroVoieEtablissement,"
            + "typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,"
            + "libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,codeCedexEtablissement,"
            + "libelleCedexEtablissement,codePaysEtrangerEtablissement,libellePaysEtrangerEtablissement,identifiantAdresseEtablissement,"
            + "coordonneeLambertAbscisseEtablissement,coordonneeLambertOrdonneeEtablissement,complementAdresse2Etablissement,"
            + "numeroVoie2Etablissement,indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,"
            + "codePostal2Etablissement,libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,"
            + "distributionSpeciale2Etablissement,codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,"
            + "codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,etatAdministratifEtablissement,"
            + "enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,denominationUsuelleEtablissement,"
            + "activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement,"
            + "activitePrincipaleNAF25Etablissement";

    private static final String[] STREETS = {"DE LA GARE", "DES LILAS", "DU GENERAL DE GAULLE", "DE BRETAGNE", "DES ARTISANS",
            "DU MOULIN", "DE LA MAIRIE", "JEAN JAURES", "DES CHENES", "DE L'INDUSTRIE"};

    private void writeSirene(Path outDir) throws IOException {
        SplittableRandom r = new SplittableRandom(rnd.nextLong());
        Map<String, Supplier> bySiren = new LinkedHashMap<>();
        for (Supplier s : pool.all()) if ("SIRET".equals(s.idType())) bySiren.putIfAbsent(s.id().substring(0, 9), s);
        int year = settings.lastFullYear();
        try (Writer ul = Files.newBufferedWriter(outDir.resolve("sirene_StockUniteLegale.csv"), StandardCharsets.UTF_8);
             Writer et = Files.newBufferedWriter(outDir.resolve("sirene_StockEtablissement.csv"), StandardCharsets.UTF_8)) {
            ul.write(UL_HEADER + "\n");
            et.write(ET_HEADER + "\n");
            for (Supplier s : pool.all()) {
                if (!"SIRET".equals(s.idType())) continue;
                String siren = s.id().substring(0, 9);
                if (bySiren.get(siren) != s) continue;
                String band = switch (s.size()) {
                    case "GE" -> new String[]{"51", "52", "53"}[r.nextInt(3)];
                    case "ETI" -> new String[]{"32", "41", "42"}[r.nextInt(3)];
                    default -> new String[]{"NN", "00", "01", "02", "03", "11", "12", "21", "22"}[r.nextInt(9)];
                };
                String naf = s.naf() == null ? "" : s.naf().substring(0, 2) + "." + s.naf().substring(2);
                String cj = s.inclusionType() != null && List.of("ACI", "AI", "ESAT").contains(s.inclusionType()) ? "9220"
                        : s.ess() ? "5458" : "GE".equals(s.size()) ? "5599" : "5710";
                ul.write(unitLine(siren, "O", "", band, s.size(), year, "A", "", s.name(), cj, naf, s.ess() ? "O" : "N",
                        s.id().substring(9)));
                et.write(estLine(s.id(), "O", true, 1 + r.nextInt(80), STREETS[r.nextInt(STREETS.length)], s.postcode(),
                        s.communeName(), s.communeInsee(), "A", naf));
            }
            for (Buyer b : buyers) {
                String siren = b.siret().substring(0, 9);
                ul.write(unitLine(siren, "O", "", "22", "", year, "A", "", b.name(), b.categorieJuridique(), "84.11Z", "N",
                        b.siret().substring(9)));
                et.write(estLine(b.siret(), "O", true, 1, "DE LA MAIRIE", b.postcode(), b.communeName(), b.communeInsee(), "A", "84.11Z"));
            }
            // noise: unrelated companies, closed ones, and non-diffusible sole traders (names hidden as INSEE does)
            for (int i = 0; i < 400; i++) {
                String siren = Ids.siren(String.valueOf(3 + r.nextInt(7)), r);
                boolean hidden = i % 4 == 0;
                Geography.Commune c = Geography.LOCAL.get(r.nextInt(Geography.LOCAL.size()));
                String siret = Ids.siret(siren, 1);
                ul.write(unitLine(siren, hidden ? "P" : "O", hidden ? "[ND]" : "", "NN", "PME", year, i % 7 == 0 ? "C" : "A",
                        hidden ? "[ND]" : "", hidden ? "" : "SOCIETE SANS RAPPORT " + i, hidden ? "1000" : "5499", "47.11B", "N",
                        siret.substring(9)));
                et.write(estLine(siret, hidden ? "P" : "O", true, 3, "DU MOULIN", c.postcode(), c.name(), c.insee(),
                        i % 7 == 0 ? "F" : "A", "47.11B"));
            }
        }
    }

    private static String unitLine(String siren, String diffusion, String prenom, String band, String cat, int year, String state,
                                   String nom, String denomination, String cj, String naf, String ess, String nicSiege) {
        String[] v = new String[35];
        java.util.Arrays.fill(v, "");
        v[0] = siren; v[1] = diffusion; v[10] = prenom; v[13] = band; v[14] = String.valueOf(year - 1); v[17] = cat;
        v[18] = cat.isEmpty() ? "" : String.valueOf(year - 1); v[19] = year + "-01-01"; v[20] = state; v[21] = nom;
        v[23] = csvComma(denomination); v[27] = cj; v[28] = naf; v[29] = "NAFRev2"; v[30] = nicSiege; v[31] = ess;
        return String.join(",", v) + "\n";
    }

    private static String estLine(String siret, String diffusion, boolean siege, int num, String street, String postcode,
                                  String communeName, String commune, String state, String naf) {
        String[] v = new String[54];
        java.util.Arrays.fill(v, "");
        boolean hidden = !"O".equals(diffusion);
        v[0] = siret.substring(0, 9); v[1] = siret.substring(9); v[2] = siret; v[3] = diffusion; v[9] = String.valueOf(siege);
        v[12] = hidden ? "[ND]" : String.valueOf(num); v[16] = hidden ? "[ND]" : "RUE"; v[17] = hidden ? "[ND]" : csvComma(street);
        v[18] = nullToEmpty(postcode); v[19] = csvComma(nullToEmpty(communeName).toUpperCase(java.util.Locale.ROOT));
        v[22] = nullToEmpty(commune); v[45] = state; v[50] = naf; v[51] = "NAFRev2";
        return String.join(",", v) + "\n";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String csvComma(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void writeInclusion(Path outDir) throws IOException {
        try (Writer w = Files.newBufferedWriter(outDir.resolve("inclusion_structures.csv"), StandardCharsets.UTF_8)) {
            w.write("SIRET;TYPE;DENOMINATION\n");
            for (Supplier s : pool.all()) {
                if (s.inclusionType() != null && "SIRET".equals(s.idType())) {
                    w.write(s.id() + ";" + s.inclusionType() + ";" + s.name() + "\n");
                }
            }
        }
    }
}
