package fr.achatlas.cli;

import fr.achatlas.store.Database;
import fr.achatlas.store.UserStore;
import fr.achatlas.web.security.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Comptes de l'interface web : « user add NOM --role ANALYST --buyer SIRET » crée ou remplace un compte "
                + "(mot de passe aléatoire affiché une fois, ou lu dans $ACHATLAS_PASSWORD) ; « user list » les liste."})
final class UserCommand implements Callable<Integer> {

    @ParentCommand
    Achatlas root;

    @Parameters(index = "0", description = "add ou list")
    String action;

    @Parameters(index = "1", arity = "0..1", description = "identifiant du compte (add)")
    String username;

    @Option(names = "--role", defaultValue = "VIEWER", description = "ADMIN, ANALYST ou VIEWER (défaut : VIEWER).")
    String role;

    @Option(names = "--buyer", description = "SIRET d'un acheteur de l'analyste (répétable).")
    List<String> buyers = List.of();

    @Option(names = "--name", description = "Nom affiché.")
    String displayName;

    @Override
    public Integer call() throws Exception {
        try (Database db = Database.open(root.dbPath())) {
            if ("list".equals(action)) {
                for (UserStore.User u : new UserStore(db.connection()).list()) {
                    System.out.printf("%-16s %-8s %s %s%n", u.username(), u.role(), u.buyers().isEmpty() ? "" : u.buyers(),
                            u.displayName() == null ? "" : u.displayName());
                }
                return 0;
            }
            if (!"add".equals(action) || username == null) throw new IllegalArgumentException("usage : user add NOM [--role …] | user list");
            String env = System.getenv("ACHATLAS_PASSWORD");
            String password = env != null && !env.isBlank() ? env : Accounts.randomPassword();
            Accounts.save(db, new Accounts.Account(username, password, role.toUpperCase(Locale.ROOT), displayName, Set.copyOf(buyers)));
            System.out.println("Compte " + username + " (" + role.toUpperCase(Locale.ROOT) + ") enregistré."
                    + (env == null || env.isBlank() ? " Mot de passe : " + password : ""));
            return 0;
        }
    }
}
