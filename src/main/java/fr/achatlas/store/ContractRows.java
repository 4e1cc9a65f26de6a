package fr.achatlas.store;

import fr.achatlas.dedup.DedupKey;
import fr.achatlas.model.Contract;
import fr.achatlas.model.CurrentState;
import fr.achatlas.model.Finding;
import fr.achatlas.model.Modification;
import fr.achatlas.model.Party;
import fr.achatlas.model.Severity;
import fr.achatlas.model.SubcontractAct;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The row layouts of the contract tables, in their column order: what a new contract, a copy of a known one and a
 * rejected record become in the store. Written once against {@link RowSink}, so the spool of new contracts and the
 * appenders of the staging tables cannot drift apart.
 */
final class ContractRows {
    private ContractRows() {
    }

    private static final BigDecimal MAX_STORABLE = new BigDecimal("1e15");
    private static final Set<String> SUSPECT_AMOUNT_RULES = Set.of("AMOUNT_NEGATIVE", "AMOUNT_TOO_LOW", "AMOUNT_TOO_HIGH");
    /** List columns travel as one text each (values joined by U+001F, which the readers strip from every text). */
    static final List<String> LIST_COLUMNS = List.of("techniques", "execution_modes", "price_types",
            "social_considerations", "environmental_considerations");
    private static final char LIST_SEPARATOR = '\u001f';

    /** The sinks of the tables a new contract fills, in {@link ContractSpool#TABLES} order. */
    record NewRows(RowSink contracts, RowSink holders, RowSink modifications, RowSink subcontracts, RowSink findings,
                   RowSink sources) {
    }

    /** Every row of a new (first-seen, accepted) contract. */
    static void newContract(StagedRecord r, int batchId, NewRows out) throws SQLException {
        Contract c = r.contract();
        long key = r.contractKey();
        long pos = r.provenance().recordPosition();
        String format = format(r);
        String platform = r.provenance().platform();
        out.sources().beginRow().append(key).append(batchId).append(pos).append(format).append(platform).append(true).endRow();
        int warnings = 0;
        boolean suspect = false;
        for (Finding f : r.findings()) {
            if (f.severity() == Severity.WARNING) warnings++;
            if (SUSPECT_AMOUNT_RULES.contains(f.rule())) suspect = true;
            out.findings().beginRow().append(key).append(batchId).append(pos).append(f.rule()).append(f.severity().name())
                    .append(f.field()).append(f.value()).append(f.message()).endRow();
        }
        BigDecimal amount = storable(c.amount());
        if (amount == null && c.amount() != null) suspect = true;
        contract(out.contracts(), c, key, amount, suspect, warnings, format, platform, batchId);
        holders(out.holders(), -1, key, 0L, c.holders());
        modifications(out.modifications(), out.holders(), -1, key, c.modifications(), false);
        if (c.subcontracts() != null) {
            for (SubcontractAct s : c.subcontracts()) {
                out.subcontracts().beginRow().append(key).append(s.rank()).append(s.sourceId()).append(s.isModification())
                        .append(s.subcontractor() == null ? null : s.subcontractor().id())
                        .append(s.subcontractor() == null ? null : s.subcontractor().idType())
                        .append(s.durationMonths())
                        .date(s.notificationDate())
                        .date(s.publicationDate())
                        .decimal(storable(s.amount()))
                        .append(s.priceVariation()).endRow();
            }
        }
    }

    /** A copy of a contract already kept: its provenance, and its modifications for the merge to unite. */
    static void duplicate(StagedRecord r, RowSink sources, RowSink modifications, RowSink holders) throws SQLException {
        long pos = r.provenance().recordPosition();
        long key = r.contractKey();
        sources.beginRow().append(pos).append(key).append(format(r)).append(r.provenance().platform()).endRow();
        modifications(modifications, holders, pos, key, r.contract().modifications(), true);
    }

    /** One row per FATAL finding; a record rejected without a stated reason still gets one. */
    static void reject(StagedRecord r, RowSink rejects) throws SQLException {
        long pos = r.provenance().recordPosition();
        Contract c = r.contract();
        String buyer = c == null || c.buyer() == null ? null : c.buyer().id();
        String id = c == null ? null : c.id();
        boolean any = false;
        for (Finding f : r.findings()) {
            if (f.severity() != Severity.FATAL) continue;
            any = true;
            rejects.beginRow().append(pos).append(f.rule()).append(f.field()).append(f.value()).append(f.message())
                    .append(buyer).append(id).endRow();
        }
        if (!any) { // a null contract without a stated reason: still rejected, never lost
            rejects.beginRow().append(pos).append("NOT_A_CONTRACT").append((String) null).append((String) null)
                    .append("Enregistrement non reconnu comme un marché.").append(buyer).append(id).endRow();
        }
    }

    /** A supplier row of the staging table of parties: id, type, SIREN, name. */
    static void party(Party p, RowSink parties) throws SQLException {
        parties.beginRow().append(p.id()).append(p.idType()).append(siren(p)).append(p.name()).endRow();
    }

    private static String format(StagedRecord r) {
        return r.provenance().format() == null ? null : r.provenance().format().name();
    }

    private static void contract(RowSink a, Contract c, long key, BigDecimal amount, boolean suspect, int warnings,
                                 String format, String platform, int batchId) throws SQLException {
        LocalDate award = c.awardDate();
        a.beginRow();
        a.append(key).append(c.kind().name()).append(c.buyer().id()).append(c.buyer().name())
                .append(c.id()).append(DedupKey.identity(c)).append(c.uid()).append(c.nature()).append(c.natureOriginal())
                .append(c.object()).append(c.cpv()).append(c.cpvOriginal()).append(c.procedure()).append(c.procedureOriginal());
        list(a, c.techniques());
        list(a, c.executionModes());
        a.append(c.place() == null ? null : c.place().code())
                .append(c.place() == null ? null : c.place().typeCode())
                .append(c.place() == null ? null : c.place().name())
                .append(c.durationMonths()).append(c.durationOriginal())
                .date(c.notificationDate())
                .date(c.signatureDate())
                .date(c.publicationDate())
                .date(c.executionStartDate())
                .append(c.notificationDateOriginal())
                .date(award)
                .append(award == null ? null : award.getYear())
                .decimal(amount)
                .append(c.amountOriginal()).append(suspect)
                .decimal(storable(c.publicSubsidy()))
                .append(c.priceForm());
        list(a, c.priceTypes());
        a.append(c.advance()).append(dbl(c.advanceRate())).append(dbl(c.originUe())).append(dbl(c.originFrance()))
                .append(c.ccag()).append(c.offersReceived()).append(c.innovative()).append(c.groupingType())
                .append(c.frameworkId());
        list(a, c.socialConsiderations());
        list(a, c.environmentalConsiderations());
        a.append(c.subcontractingDeclared()).append(c.executionDataJson());
        currentState(a, c);
        a.append(warnings).append(format).append(platform).append(batchId).endRow();
    }

    /**
     * The current state of the record as published (same order as {@link CurrentState#ORDER}, same rules as
     * BatchMerge's recomputation, which only runs for contracts that gain modifications from another copy).
     */
    private static void currentState(RowSink a, Contract c) throws SQLException {
        CurrentState cs = c.currentState();
        long holdersMod = 0;
        int distinct = 0;
        if (c.modifications() != null && !c.modifications().isEmpty()) {
            Set<Long> keys = new HashSet<>();
            for (Modification m : c.modifications().stream().sorted(CurrentState.ORDER).toList()) {
                long k = DedupKey.of(m);
                keys.add(k);
                if (m.holders() != null && !m.holders().isEmpty()) holdersMod = k;
            }
            distinct = keys.size();
        }
        a.decimal(storable(cs.amount()))
                .append(cs.durationMonths()).append(holdersMod).append(distinct)
                .date(cs.lastModificationDate())
                .append(cs.holders() == null ? 0 : cs.holders().size());
    }

    /** Modifications of one record, each content once (a record may repeat an avenant). Staging rows carry the position. */
    private static void modifications(RowSink mods, RowSink holderRows, long pos, long key, List<Modification> list,
                                      boolean staged) throws SQLException {
        if (list == null || list.isEmpty()) return;
        Set<Long> seen = new HashSet<>();
        for (Modification m : list) {
            long modKey = DedupKey.of(m);
            if (!seen.add(modKey)) continue;
            boolean changesHolders = m.holders() != null && !m.holders().isEmpty();
            mods.beginRow();
            if (staged) mods.append(pos);
            mods.append(key).append(modKey).append(m.rank()).append(m.sourceId()).append(m.object())
                    .date(m.notificationDate())
                    .date(m.publicationDate())
                    .append(m.durationMonths())
                    .decimal(storable(m.amount()))
                    .append(changesHolders).endRow();
            if (changesHolders) holders(holderRows, staged ? pos : -1, key, modKey, m.holders());
        }
    }

    private static void holders(RowSink a, long pos, long key, long modKey, List<Party> parties) throws SQLException {
        if (parties == null) return;
        int i = 0;
        for (Party p : parties) {
            a.beginRow();
            if (pos >= 0) a.append(pos);
            a.append(key).append(modKey).append(++i).append(p.id()).append(p.idType()).append(p.idTypeOriginal())
                    .append(p.name()).append(siren(p)).endRow();
        }
    }

    private static String siren(Party p) {
        String id = p.id();
        return id != null && id.length() == 14 && "SIRET".equals(p.idType()) ? id.substring(0, 9) : null;
    }

    /** Amounts beyond DECIMAL(18,2) cannot be stored as numbers; their text stays in *_original and a rule flags them. */
    private static BigDecimal storable(BigDecimal v) {
        if (v == null) return null;
        if (v.abs().compareTo(MAX_STORABLE) >= 0) return null;
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static Double dbl(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    private static void list(RowSink a, Collection<String> values) throws SQLException {
        if (values == null || values.isEmpty()) {
            a.appendNull();
            return;
        }
        if (values.size() == 1) { // the usual case
            a.append(values.iterator().next());
            return;
        }
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            if (!b.isEmpty()) b.append(LIST_SEPARATOR);
            b.append(v);
        }
        a.append(b.toString());
    }
}
