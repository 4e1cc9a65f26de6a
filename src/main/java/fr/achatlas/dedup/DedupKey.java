package fr.achatlas.dedup;

import fr.achatlas.model.Contract;
import fr.achatlas.model.Modification;
import fr.achatlas.model.Party;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The identity of a contract across files and platforms.
 *
 * <p>Key = buyer id + contract id + award date (notification, or signature for a concession) + the sorted identifiers
 * of the initial holders + the initial amount in cents — the key of the DECP ecosystem (decp-processing). Buyer + id
 * alone is not enough: real buyers reuse one id for the lots of a consultation, and each lot is a distinct contract
 * with its own holder and amount; merging them would lose money. Modifications are not part of the key: the same
 * contract is republished as avenants accrue, and the copies must merge (their modifications are then united).
 *
 * <p>The key is hashed to 64 bits (FNV-1a then the SplitMix64 finaliser): at 10 M contracts the chance of any
 * collision is about 3·10⁻⁶, and the text of the key stays derivable from the stored columns.
 */
public final class DedupKey {

    private DedupKey() {
    }

    public static String text(Contract c) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(c.kind()).append('|')
                .append(c.buyer() == null ? "" : nz(c.buyer().id())).append('|')
                .append(nz(c.id())).append('|');
        LocalDate d = c.awardDate();
        sb.append(d == null ? "" : d.toString()).append('|');
        appendHolders(sb, c.holders());
        sb.append('|').append(cents(c.amount()));
        return sb.toString();
    }

    public static long of(Contract c) {
        return hash(text(c));
    }

    /** Buyer + contract id alone, hashed: contracts sharing it are lots or a reused id (rule ID_REUSED). */
    public static long identity(Contract c) {
        return hash((c.buyer() == null ? "" : nz(c.buyer().id())) + '|' + nz(c.id()));
    }

    /** Identity of one modification within its contract, so that republished copies of an avenant merge. */
    public static long of(Modification m) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(m.notificationDate()).append('|').append(m.durationMonths()).append('|').append(cents(m.amount())).append('|');
        appendHolders(sb, m.holders());
        sb.append('|').append(nz(m.object()));
        long h = hash(sb.toString());
        return h == 0 ? 1 : h; // 0 is reserved for "the initial holders"
    }

    private static void appendHolders(StringBuilder sb, List<Party> holders) {
        if (holders == null || holders.isEmpty()) return;
        String[] ids = new String[holders.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = nz(holders.get(i).id());
        Arrays.sort(ids);
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(ids[i]);
        }
    }

    private static String cents(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }
}
