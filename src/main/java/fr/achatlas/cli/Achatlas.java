package fr.achatlas.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/** Entry point of the {@code achatlas} command. */
@Command(name = "achatlas", mixinStandardHelpOptions = true, version = "achatlas 0.1.0",
        description = "Cartographie et pilotage de la commande publique d'un territoire.",
        subcommands = {ImportCommand.class, QualityCommand.class, ExportCommand.class, StatusCommand.class, TerritoryCommand.class,
                GenerateCommand.class, DemoCommand.class, ServeCommand.class, BenchCommand.class, RulesCommand.class, UserCommand.class,
                NomenclatureCommand.class, ClassifyCommand.class, SpendingCommand.class, SuppliersCommand.class, GeoCommand.class, SpaserCommand.class,
                MutualisationCommand.class,
                CommandLine.HelpCommand.class})
public final class Achatlas {

    static final String DEFAULT_DB = "data/achatlas.duckdb";

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Base DuckDB (défaut : $ACHATLAS_DB ou " + DEFAULT_DB + ").")
    Path db;

    Path dbPath() {
        if (db != null) return db;
        String env = System.getenv("ACHATLAS_DB");
        return Path.of(env != null && !env.isBlank() ? env : DEFAULT_DB);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Achatlas());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("Erreur : " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("ACHATLAS_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 1;
        });
        return cl;
    }
}
