package fr.achatlas.spending;

import fr.achatlas.model.LineIssue;
import fr.achatlas.model.Severity;
import fr.achatlas.model.SpendingLine;
import fr.achatlas.normalise.IdentifierNormaliser;
import fr.achatlas.supplier.Names;
import fr.achatlas.supplier.SupplierIds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Turns the cells of one data row into a {@link SpendingLine} (with its warnings) or a rejection with reasons, through
 * a {@link MappingProfile}. One mapper per thread: it caches what repeats from line to line (supplier identifiers and
 * names) and counts the amounts it read.
 */
public final class LineMapper {

    /** One data line: {@code line} is null when rejected ({@code issues} then holds at least one FATAL). */
    public record Result(long lineNumber, SpendingLine line, List<LineIssue> issues) {
        public boolean rejected() {
            return line == null;
        }
    }

    private static final SupplierIds.Classified NO_ID = new SupplierIds.Classified(null, null, null, true);

    private final MappingProfile profile;
    private final MappingProfile.Resolved cols;
    private final FrenchNumbers.Decimal decimal;
    private final int yearColumn;
    private final String[] header;
    private final HashMap<String, SupplierIds.Classified> ids = new HashMap<>();
    private final HashMap<String, String> names = new HashMap<>();
    private long amountsRead;
    private long amountsWithDecimals;

    LineMapper(MappingProfile profile, MappingProfile.Resolved cols, FrenchNumbers.Decimal decimal, int yearColumn,
               String[] header) {
        this.profile = profile;
        this.cols = cols;
        this.decimal = decimal;
        this.yearColumn = yearColumn;
        this.header = header;
    }

    /** Amounts read, and how many carried a decimal separator (a file with none is a ×100 suspect). */
    public long amountsRead() {
        return amountsRead;
    }

    public long amountsWithDecimals() {
        return amountsWithDecimals;
    }

    /** A row whose cells are all blank is not a record. */
    public static boolean blank(String[] row) {
        for (String s : row) if (!s.isBlank()) return false;
        return true;
    }

    public Result map(String[] row, long lineNo) {
        List<LineIssue> issues = null;
        boolean fatal = false;

        String buyerRaw = profile.buyer() != null ? profile.buyer() : get(row, MappingProfile.Field.BUYER);
        String buyer = IdentifierNormaliser.id(buyerRaw);
        if (buyer == null) {
            issues = add(issues, new LineIssue(lineNo, "SPENDING_BUYER_MISSING", Severity.FATAL, "buyer", buyerRaw,
                    "Acheteur absent : impossible de rattacher la dépense."));
            fatal = true;
        } else if (!isSiretOrSiren(buyer)) {
            issues = add(issues, new LineIssue(lineNo, "SPENDING_BUYER_NOT_SIRET", Severity.WARNING, "buyer", buyerRaw,
                    "Acheteur « " + buyerRaw.strip() + " » : ni SIRET ni SIREN ; la dépense est gardée sous cet identifiant. "
                            + "Un export d'un seul acheteur se lit avec un profil à acheteur fixe (« buyer »)."));
        }

        String dateRaw = get(row, MappingProfile.Field.DATE);
        LocalDate date = FrenchDates.parse(dateRaw);
        if (date == null && (dateRaw == null || dateRaw.isBlank()) && yearColumn >= 0 && yearColumn < row.length) {
            String y = row[yearColumn].strip();
            if (y.length() == 4 && y.chars().allMatch(Character::isDigit)) {
                date = LocalDate.of(Integer.parseInt(y), 1, 1);
                issues = add(issues, new LineIssue(lineNo, "SPENDING_DATE_FROM_YEAR", Severity.INFO, "date", null,
                        "Date absente : datée du 1er janvier " + y + " d'après la colonne « " + header[yearColumn] + " »."));
            }
        }
        if (date == null) {
            boolean empty = dateRaw == null || dateRaw.isBlank();
            issues = add(issues, new LineIssue(lineNo, empty ? "SPENDING_DATE_MISSING" : "SPENDING_DATE_INVALID", Severity.FATAL,
                    "date", dateRaw, empty ? "Date de paiement absente." : "Date illisible (attendu jj/mm/aaaa) : « " + dateRaw + " »."));
            fatal = true;
        }

        Long ht = amount(row, MappingProfile.Field.AMOUNT_HT);
        Long ttc = amount(row, MappingProfile.Field.AMOUNT_TTC);
        if ((ht != null && ht == FrenchNumbers.INVALID) || (ttc != null && ttc == FrenchNumbers.INVALID)) {
            boolean htBad = ht != null && ht == FrenchNumbers.INVALID;
            String field = htBad ? "amount_ht" : "amount_ttc";
            issues = add(issues, new LineIssue(lineNo, "SPENDING_AMOUNT_INVALID", Severity.FATAL, field,
                    get(row, htBad ? MappingProfile.Field.AMOUNT_HT : MappingProfile.Field.AMOUNT_TTC),
                    "Montant illisible : ni nombre français (1 234,56) ni nombre à point décimal."));
            fatal = true;
        } else if (ht == null && ttc == null) {
            issues = add(issues, new LineIssue(lineNo, "SPENDING_AMOUNT_MISSING", Severity.FATAL, "amount", null,
                    "Montant absent (ni HT ni TTC)."));
            fatal = true;
        }

        String idRaw = get(row, MappingProfile.Field.SUPPLIER_ID);
        String name = clean(get(row, MappingProfile.Field.SUPPLIER_NAME));
        SupplierIds.Classified id = classify(idRaw);
        if (id == null && idRaw != null && !idRaw.isBlank() && name != null && !isPlaceholder(idRaw)) {
            issues = add(issues, new LineIssue(lineNo, "SPENDING_SUPPLIER_ID_UNREADABLE", Severity.WARNING, "supplier_id", idRaw,
                    "Identifiant fournisseur illisible : la ligne sera rapprochée par le nom « " + name + " »."));
        }
        if (id != null && !id.checksumOk()) {
            issues = add(issues, new LineIssue(lineNo, "SPENDING_SIRET_CHECKSUM", Severity.WARNING, "supplier_id", idRaw,
                    "Clé de contrôle (Luhn) invalide : identifiant conservé tel quel, à vérifier."));
        }
        if (id == null && name == null) {
            issues = add(issues, new LineIssue(lineNo, "SPENDING_SUPPLIER_MISSING", Severity.FATAL, "supplier", idRaw,
                    "Fournisseur absent : ni identifiant lisible ni nom."));
            fatal = true;
        }
        if (fatal) return new Result(lineNo, null, issues);

        String direction = clean(get(row, MappingProfile.Field.DIRECTION));
        String service = clean(get(row, MappingProfile.Field.SERVICE));
        String account = clean(get(row, MappingProfile.Field.ACCOUNT));
        String function = clean(get(row, MappingProfile.Field.FUNCTION));
        String budget = clean(get(row, MappingProfile.Field.BUDGET));
        String contractRef = clean(get(row, MappingProfile.Field.CONTRACT_REF));
        String invoice = clean(get(row, MappingProfile.Field.INVOICE_REF));
        String label = clean(get(row, MappingProfile.Field.LABEL));
        String supplierId = id == null ? null : id.id();
        long hash = Hash64.start().add(buyer).add(date.toEpochDay()).add(ht == null ? Long.MIN_VALUE + 1 : ht)
                .add(ttc == null ? Long.MIN_VALUE + 1 : ttc).add(supplierId).add(supplierId == null ? name : null)
                .add(account).add(function).add(budget).add(direction).add(service).add(contractRef).add(invoice)
                .add(label).value();
        SpendingLine line = new SpendingLine(lineNo, hash, buyer, direction, service, date, ht, ttc, account, function,
                budget, supplierId, id == null ? "NAME" : id.type(), id == null ? null : id.siren(), name,
                normalisedName(name), contractRef, invoice, label);
        return new Result(lineNo, line, issues == null ? List.of() : issues);
    }

    private SupplierIds.Classified classify(String raw) {
        if (raw == null) return null;
        if (ids.size() > 200_000) ids.clear();
        SupplierIds.Classified c = ids.computeIfAbsent(raw, r -> {
            SupplierIds.Classified x = SupplierIds.classify(r);
            return x == null ? NO_ID : x;
        });
        return c == NO_ID ? null : c;
    }

    private String normalisedName(String name) {
        if (name == null) return null;
        if (names.size() > 200_000) names.clear();
        return names.computeIfAbsent(name, Names::normalise);
    }

    private Long amount(String[] row, MappingProfile.Field f) {
        for (int i : cols.of(f)) {
            if (i >= row.length) continue;
            String v = row[i];
            if (v.isBlank()) continue;
            long c = FrenchNumbers.cents(v, decimal);
            amountsRead++;
            if (c != FrenchNumbers.INVALID) {
                if (FrenchNumbers.hasDecimalSeparator(v.strip())) amountsWithDecimals++;
                int div = profile.divisor();
                return div == 1 ? c : Math.round((double) c / div);
            }
            return FrenchNumbers.INVALID;
        }
        return null;
    }

    private String get(String[] row, MappingProfile.Field f) {
        for (int i : cols.of(f)) {
            if (i < row.length && !row[i].isBlank()) return row[i];
        }
        return null;
    }

    private static boolean isSiretOrSiren(String id) {
        if (id.length() != 14 && id.length() != 9) return false;
        for (int i = 0; i < id.length(); i++) if (id.charAt(i) < '0' || id.charAt(i) > '9') return false;
        return true;
    }

    private static boolean isPlaceholder(String s) {
        String k = MappingProfile.key(s);
        return k.equals("nondisponible") || k.equals("nc") || k.equals("na") || k.equals("inconnu");
    }

    private static String clean(String s) {
        if (s == null) return null;
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    private static List<LineIssue> add(List<LineIssue> list, LineIssue issue) {
        if (list == null) list = new ArrayList<>(2);
        list.add(issue);
        return list;
    }
}
