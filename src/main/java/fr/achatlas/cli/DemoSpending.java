package fr.achatlas.cli;

import fr.achatlas.importer.ReferentialImports;
import fr.achatlas.importer.SpendingImporter;
import fr.achatlas.model.Geo;
import fr.achatlas.model.Territory;
import fr.achatlas.parse.TerritoryFileReader;
import fr.achatlas.store.Database;
import fr.achatlas.store.GeoStore;
import fr.achatlas.store.SpendingLinker;
import fr.achatlas.store.SupplierStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's spending and referential part (issue 4): geography, spending exports, SIRENE-shaped extract and
 * inclusive list — the real enrichment paths, offline — then spend linked to contracts.
 */
final class DemoSpending {

    private DemoSpending() {
    }

    static void load(Database db, Path files) throws Exception {
        ReferentialImports refs = new ReferentialImports(db);
        System.out.println("Géographie (COG)…");
        refs.geography();
        Territory t = TerritoryFileReader.read(files.resolve("territory.json"));
        String reference = t.buyers().stream().filter(b -> "COMMUNAUTE_AGGLOMERATION".equals(b.kind())).findFirst()
                .orElse(t.buyers().get(0)).communeCode();
        new GeoStore(db).setLocalDefinition(new Geo.LocalDefinition("DEPARTEMENT", reference, null, null));
        List<Path> spending;
        try (Stream<Path> s = Files.list(files)) {
            spending = s.filter(p -> p.getFileName().toString().startsWith("depenses_")).sorted().toList();
        }
        if (spending.isEmpty()) return;
        System.out.println("Import des dépenses (" + spending.size() + " fichiers)…");
        long read = 0, loaded = 0, rejected = 0, dups = 0;
        for (SpendingImporter.Report r : new SpendingImporter(db, null, null).importAll(spending)) {
            read += r.read();
            loaded += r.loaded();
            rejected += r.rejected();
            dups += r.duplicates();
            if (!r.x100Evidence().isEmpty()) SpendingCommand.print(r, System.out);
        }
        System.out.printf("  %s lignes lues = %s chargées + %s doublons + %s rejetées%n", Reports.n(read), Reports.n(loaded),
                Reports.n(dups), Reports.n(rejected));
        new SupplierStore(db).unifyIdentifiers();
        System.out.println("Référentiel fournisseurs : extrait SIRENE et liste des structures inclusives…");
        refs.sirene(files.resolve("sirene_StockEtablissement.csv"), false, java.util.Set.of(t.departements().get(0).code()));
        refs.sirene(files.resolve("sirene_StockUniteLegale.csv"), false, null);
        int year = Integer.parseInt(spending.get(spending.size() - 1).getFileName().toString().replaceAll(".*_(\\d{4})\\..*", "$1"));
        refs.inclusion(files.resolve("inclusion_structures.csv"), LocalDate.of(year, 6, 30), null);
        SpendingCommand.printLink(new SpendingLinker(db).run(null), System.out);
        SuppliersCommand.printSummary(db);
    }
}
