package fr.achatlas.cli;

import fr.achatlas.importer.ReferentialImports;
import fr.achatlas.model.Geo;
import fr.achatlas.query.SupplierQueries;
import fr.achatlas.store.Database;
import fr.achatlas.store.GeoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "geo", mixinStandardHelpOptions = true,
        description = "Géographie (COG : communes → EPCI → département → région) et définition du fournisseur local.",
        subcommands = {GeoCommand.Load.class, GeoCommand.Centroids.class, GeoCommand.Local.class})
final class GeoCommand {

    @ParentCommand
    Achatlas root;

    @Command(name = "load", mixinStandardHelpOptions = true, description = "Charge le COG livré avec l'application (@etalab/decoupage-administratif).")
    static final class Load implements Callable<Integer> {
        @ParentCommand
        GeoCommand parent;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                Geo g = new ReferentialImports(db).geography();
                System.out.printf("%d régions, %d départements, %d EPCI, %d communes chargés%n", g.regions().size(),
                        g.departements().size(), g.epcis().size(), g.communes().size());
                return 0;
            }
        }
    }

    @Command(name = "centroids", mixinStandardHelpOptions = true,
            description = "Importe les centroïdes des communes (CSV : code INSEE, lat, lng) pour la définition par rayon.")
    static final class Centroids implements Callable<Integer> {
        @ParentCommand
        GeoCommand parent;

        @Parameters(index = "0")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                ReferentialImports.CentroidReport r = new ReferentialImports(db).centroids(file);
                System.out.printf("%d lignes lues, %d communes du COG localisées, %d lignes écartées%n", r.read(), r.matched(), r.skipped().size());
                return 0;
            }
        }
    }

    @Command(name = "local", mixinStandardHelpOptions = true,
            description = "Définit le fournisseur local : EPCI, DEPARTEMENT, REGION (de la commune de référence), "
                    + "DEPARTEMENTS (liste) ou RADIUS (km autour de la commune de référence).")
    static final class Local implements Callable<Integer> {
        @ParentCommand
        GeoCommand parent;

        @Parameters(index = "0", description = "EPCI | DEPARTEMENT | REGION | DEPARTEMENTS | RADIUS")
        String mode;

        @Option(names = "--commune", required = true, description = "Commune de référence (code INSEE), en général celle de l'acheteur.")
        String commune;

        @Option(names = "--departements", split = ",")
        List<String> departements;

        @Option(names = "--km")
        Double km;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                new GeoStore(db).setLocalDefinition(new Geo.LocalDefinition(mode.toUpperCase(), commune, departements, km));
                System.out.println("Fournisseur local : " + new SupplierQueries(db.connection()).localDefinition());
                return 0;
            }
        }
    }
}
