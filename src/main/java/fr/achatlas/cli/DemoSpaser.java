package fr.achatlas.cli;

import fr.achatlas.model.Territory;
import fr.achatlas.parse.TerritoryFileReader;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.spaser.Indicator;
import fr.achatlas.query.spaser.SpaserQueries;
import fr.achatlas.query.spaser.Target;
import fr.achatlas.store.Database;
import fr.achatlas.store.SpaserTargetStore;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The demo's SPASER targets (issue 6), set the way a SPASER sets them — from a baseline year:
 * <ul>
 *   <li>the literal "50 k€ → 100 k€ → 150 k€" sheltered-work trajectory of the issue, on the commune whose first-year
 *       spending with ESAT/EA is closest to 50 k€ (the generated Département spends millions with them: 50 k€ would not
 *       be a credible target for it);</li>
 *   <li>for the Département and the territory, a trajectory of +10 % a year from the first year's actual spending;</li>
 *   <li>territory targets for social and environmental considerations, PME, local suppliers and single-offer contracts.</li>
 * </ul>
 */
final class DemoSpaser {

    private DemoSpaser() {
    }

    static void seed(Database db, Path files, int lastFullYear) throws Exception {
        Territory t = TerritoryFileReader.read(files.resolve("territory.json"));
        SpaserTargetStore store = new SpaserTargetStore(db.connection());
        SpaserQueries q = new SpaserQueries(db.connection());
        int first = lastFullYear - 2;
        String commune = null;
        double best = Double.MAX_VALUE;
        for (Territory.Buyer b : t.buyers()) {
            if (!"COMMUNE".equals(b.kind())) continue;
            double gap = Math.abs(baseline(q, b.siret(), first) - 50_000);
            if (gap < best) {
                best = gap;
                commune = b.siret();
            }
        }
        if (commune != null) trajectory(store, "SPENDING_ESAT_EA", commune, first, "VALUE", "50000", "100000", "150000");
        String departement = t.buyers().stream().filter(b -> "DEPARTEMENT".equals(b.kind())).map(Territory.Buyer::siret).findFirst().orElse(null);
        if (departement != null) {
            growth(store, q, departement, first);
            trajectory(store, "SOCIAL", departement, first, "SHARE_COUNT", "0.15", "0.20", "0.25");
        }
        growth(store, q, Target.TERRITORY, first);
        trajectory(store, "SOCIAL", Target.TERRITORY, first, "SHARE_COUNT", "0.15", "0.20", "0.25");
        trajectory(store, "ENVIRONMENTAL", Target.TERRITORY, first, "SHARE_COUNT", "0.30", "0.40", "0.50");
        trajectory(store, "PME", Target.TERRITORY, first, "SHARE_VALUE", "0.50", "0.55", "0.60");
        trajectory(store, "LOCAL", Target.TERRITORY, first, "SHARE_VALUE", "0.55", "0.60", "0.65");
        trajectory(store, "SINGLE_OFFER", Target.TERRITORY, first, "SHARE_COUNT", "0.25", "0.22", "0.20");
        System.out.println("SPASER : cibles de démonstration " + first + "–" + lastFullYear + " (trajectoire ESAT/EA 50 k€ → 100 k€ → 150 k€ "
                + "d'une commune, +10 %/an pour le Département et le territoire, cibles du territoire).");
    }

    private static double baseline(SpaserQueries q, String buyer, int year) throws SQLException {
        Scope s = SpaserCommand.scope(Target.TERRITORY.equals(buyer) ? null : buyer);
        return q.series(Indicator.SPENDING_ESAT_EA, s, year, year).years().get(0).value().doubleValue();
    }

    /** +10 % a year from the first year's actual ESAT/EA spending, rounded to 10 k€. */
    private static void growth(SpaserTargetStore store, SpaserQueries q, String buyer, int first) throws SQLException {
        double base = baseline(q, buyer, first);
        if (base <= 0) return;
        String[] values = new String[3];
        for (int i = 0; i < 3; i++) values[i] = String.valueOf(Math.round(base * (1 + 0.1 * i) / 10_000) * 10_000);
        trajectory(store, "SPENDING_ESAT_EA", buyer, first, "VALUE", values);
    }
    private static void trajectory(SpaserTargetStore store, String indicator, String buyer, int first, String metric, String... values)
            throws SQLException {
        for (int i = 0; i < values.length; i++) {
            store.save(indicator, buyer, first + i, metric, new BigDecimal(values[i]), "Cible de démonstration", "demo");
        }
    }
}
