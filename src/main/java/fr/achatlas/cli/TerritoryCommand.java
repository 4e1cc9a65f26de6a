package fr.achatlas.cli;

import fr.achatlas.model.Territory;
import fr.achatlas.parse.TerritoryFileReader;
import fr.achatlas.store.Database;
import fr.achatlas.store.TerritoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "territory", mixinStandardHelpOptions = true,
        description = {"Définit le territoire : nom, département(s), région, acheteurs (SIRET, nom, type, catégorie juridique, "
                + "commune) et leurs directions/services, depuis un fichier JSON (voir docs/territory.md)."})
final class TerritoryCommand implements Callable<Integer> {

    @ParentCommand
    Achatlas root;

    @Parameters(index = "0", paramLabel = "FICHIER", description = "Fichier territory.json.")
    Path file;

    @Override
    public Integer call() throws Exception {
        Territory t = TerritoryFileReader.read(file);
        try (Database db = Database.open(root.dbPath())) {
            new TerritoryStore(db).save(t);
        }
        System.out.printf("Territoire « %s » : %d acheteurs enregistrés.%n", t.name(), t.buyers().size());
        return 0;
    }
}
