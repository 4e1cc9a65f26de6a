package fr.achatlas.cli;

import fr.achatlas.query.StatusQueries;
import fr.achatlas.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Ce que contient la base : totaux, acheteurs, derniers imports.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Achatlas root;

    @Override
    public Integer call() throws Exception {
        try (Database db = Database.open(root.dbPath())) {
            StatusQueries q = new StatusQueries(db.connection());
            StatusQueries.Totals t = q.totals();
            System.out.printf("Base %s%n%s marchés, %s acheteurs, %s fournisseurs, %s modifications, %s rejets ; %s%n%n",
                    db.path(), Reports.n(t.contracts()), Reports.n(t.buyers()), Reports.n(t.suppliers()),
                    Reports.n(t.modifications()), Reports.n(t.rejects()), Reports.euros(t.amount()));
            for (StatusQueries.BuyerCount b : q.buyers(20)) {
                System.out.printf("  %-15s %-44s %7s marchés %18s%n", b.buyerId(), b.name() == null ? "" : b.name(),
                        Reports.n(b.contracts()), Reports.euros(b.amount()));
            }
            return 0;
        }
    }
}
