package fr.achatlas.store;

import fr.achatlas.model.LineIssue;
import fr.achatlas.model.Severity;
import fr.achatlas.model.SpendingLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The mapped lines of one batch of a spending file, already rendered in the spool format ({@link SpoolRows}: texts
 * kept exactly, line breaks included) by the thread that mapped them, so that the single writer only copies bytes.
 * Lines keep file order.
 */
public final class SpendingChunk {

    /** Where a line sits in its buyer's organisation, as written in the file. */
    public record Unit(String buyerId, String direction, String service) {
        /** A 64-bit FNV-1a hash of the three texts, written on each spool line so that the load joins on one number. */
        long key() {
            long h = 0xcbf29ce484222325L;
            for (String s : new String[] {buyerId, direction, service}) {
                if (s == null) {
                    h = (h ^ 0x1F) * 0x100000001b3L;
                    continue;
                }
                for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001b3L;
                h = (h ^ 0x1E) * 0x100000001b3L;
            }
            return h;
        }
    }

    final byte[] spool;
    final long[] lineNumbers;
    final long[] contentHashes;
    final List<LineIssue> issues;
    final long rejected;
    final long warnings;
    final Set<Unit> units;
    final Map<String, Long> rejectedByRule;

    private SpendingChunk(Builder b) {
        this.spool = Arrays.copyOf(b.row.bytes(), b.row.size());
        this.lineNumbers = Arrays.copyOf(b.lineNumbers, b.lines);
        this.contentHashes = Arrays.copyOf(b.hashes, b.lines);
        this.issues = List.copyOf(b.issues);
        this.rejected = b.rejected;
        this.warnings = b.warnings;
        this.units = Set.copyOf(b.units);
        this.rejectedByRule = Map.copyOf(b.rejectedByRule);
    }

    /** Lines read in this batch: kept ones and rejected ones. */
    public long read() {
        return lineNumbers.length + rejected;
    }

    /** The rejected lines of this batch by rule (FATAL issues). */
    public Map<String, Long> rejectedByRule() {
        return rejectedByRule;
    }

    /** Collects one batch at a time; reusable (its buffers keep their size from batch to batch), not thread-safe. */
    public static final class Builder {
        private final SpoolRows row = new SpoolRows(1 << 16);
        private long[] lineNumbers = new long[1024];
        private long[] hashes = new long[1024];
        private int lines;
        private final List<LineIssue> issues = new ArrayList<>();
        private long rejected;
        private long warnings;
        private final Set<Unit> units = new HashSet<>();
        private final Map<String, Long> rejectedByRule = new TreeMap<>();
        private Unit lastUnit;
        private long lastUnitKey;

        public void add(SpendingLine l, List<LineIssue> lineIssues) {
            if (lines == lineNumbers.length) {
                lineNumbers = Arrays.copyOf(lineNumbers, lines * 2);
                hashes = Arrays.copyOf(hashes, lines * 2);
            }
            lineNumbers[lines] = l.lineNumber();
            hashes[lines] = l.contentHash();
            lines++;
            SpoolRows r = row;
            r.append(l.lineNumber()).append(l.contentHash())
                    .append(l.buyerId()).append(l.direction()).append(l.service());
            if (lastUnit == null || !lastUnit.buyerId().equals(l.buyerId()) || !Objects.equals(lastUnit.direction(), l.direction())
                    || !Objects.equals(lastUnit.service(), l.service())) {
                // consecutive lines mostly share their unit: no set lookup nor hash then
                lastUnit = new Unit(l.buyerId(), l.direction(), l.service());
                lastUnitKey = lastUnit.key();
                units.add(lastUnit);
            }
            r.append(lastUnitKey).date(l.paymentDate());
            r.cents(l.amountHtCents()).cents(l.amountTtcCents());
            r.append(l.account()).append(l.functionCode()).append(l.budget()).append(l.supplierId())
                    .append(l.supplierIdType()).append(l.supplierSiren()).append(l.supplierName())
                    .append(l.supplierNameNorm()).append(l.contractRef()).append(l.invoiceRef()).append(l.label())
                    .endRow();
            for (LineIssue i : lineIssues) {
                if (i.severity() == Severity.WARNING) warnings++;
                issues.add(i);
            }
        }

        /** A finding about the file that belongs to no record (a row above the header): kept, counted nowhere. */
        public void note(LineIssue issue) {
            issues.add(issue);
        }

        public void reject(List<LineIssue> lineIssues) {
            rejected++;
            for (LineIssue i : lineIssues) {
                issues.add(i);
                if (i.severity() == Severity.FATAL) rejectedByRule.merge(i.rule(), 1L, Long::sum);
            }
        }

        /** The batch collected so far; the builder is then empty, ready for the next one. */
        public SpendingChunk build() {
            SpendingChunk c = new SpendingChunk(this);
            row.clear();
            lines = 0;
            issues.clear();
            rejected = 0;
            warnings = 0;
            units.clear();
            rejectedByRule.clear();
            lastUnit = null;
            return c;
        }
    }
}
