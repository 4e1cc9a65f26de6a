package fr.achatlas.cli;

import fr.achatlas.store.Database;
import fr.achatlas.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Sert l'interface web sur http://localhost:PORT.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Achatlas root;

    @Option(names = "--port", defaultValue = "8080", description = "Port HTTP (défaut : 8080).")
    int port;

    @Override
    public Integer call() throws Exception {
        Database db = Database.open(root.dbPath());
        serve(db, port);
        return 0;
    }

    /** Starts the web application and blocks until the process is stopped (Ctrl+C). */
    static void serve(Database db, int port) throws InterruptedException {
        var ctx = WebApp.start(db, port);
        System.out.printf("Achatlas est servi sur http://localhost:%d (Ctrl+C pour arrêter)%n", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ctx.close();
            try {
                db.close();
            } catch (Exception ignored) {
                // closing on the way out
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
