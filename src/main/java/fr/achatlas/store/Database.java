package fr.achatlas.store;

import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The embedded analytical store: one DuckDB file, migrated to the current schema on open.
 *
 * <p>DuckDB allows one writing process per file: the CLI and the web server each open it for their own lifetime.
 */
public final class Database implements AutoCloseable {

    private final Path path;
    private final DuckDBConnection connection;

    private Database(Path path, DuckDBConnection connection) {
        this.path = path;
        this.connection = connection;
    }

    /** Opens (creating if needed) the store at {@code path} and applies pending migrations. */
    public static Database open(Path path) throws SQLException, IOException {
        Path absolute = path.toAbsolutePath();
        if (absolute.getParent() != null) Files.createDirectories(absolute.getParent());
        Properties props = new Properties();
        // No network here or at users' sites: never let DuckDB try to download an extension.
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "true");
        DuckDBConnection conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + absolute, props);
        try (Statement st = conn.createStatement()) {
            st.execute("SET preserve_insertion_order = false");
            // DuckDB takes up to 80 % of the machine's memory by default; a shared server may want less.
            String limit = System.getenv("ACHATLAS_DUCKDB_MEMORY");
            if (limit != null && limit.matches("\\d+(\\.\\d+)?\\s*[KMGT]i?B")) st.execute("SET memory_limit = '" + limit + "'");
        }
        // DuckDB runs each query on every core by default; a server answering many small queries may want fewer.
        String threads = System.getenv("ACHATLAS_DUCKDB_THREADS");
        if (threads != null && threads.matches("[1-9]\\d{0,2}")) setThreads(conn, Integer.parseInt(threads));
        Database db = new Database(absolute, conn);
        Migrations.apply(conn);
        db.clearSpool();
        return db;
    }

    /**
     * Where imports write their temporary spool files: a folder beside the store ({@code achatlas.duckdb.spool}), on
     * the same disk. An import killed mid-way (even {@code kill -9}) leaves its spool there; it is removed when a later
     * process opens the store — DuckDB lets one process at a time write a store, so the process that wrote those files
     * is gone by then.
     */
    public Path spoolDirectory() throws IOException {
        return Files.createDirectories(spoolPath());
    }

    private Path spoolPath() {
        return path.resolveSibling(path.getFileName() + ".spool");
    }

    /** Removes spool files left by an earlier process (never those of an import running in this one). */
    private void clearSpool() throws IOException {
        Path dir = spoolPath();
        if (!Files.isDirectory(dir)) return;
        long thisProcessStarted = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(f).toMillis() < thisProcessStarted) Files.deleteIfExists(f);
            }
        }
    }

    /** How many threads DuckDB runs a query on (its {@code threads} setting, for the whole store). */
    public int threads() throws SQLException {
        return threads(connection);
    }

    public void setThreads(int threads) throws SQLException {
        setThreads(connection, threads);
    }

    /** The {@code threads} setting of the store {@code conn} is connected to (shared by all its connections). */
    public static int threads(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); var rs = st.executeQuery("SELECT current_setting('threads')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public static void setThreads(Connection conn, int threads) throws SQLException {
        if (threads < 1) throw new IllegalArgumentException("threads: " + threads);
        try (Statement st = conn.createStatement()) {
            st.execute("SET threads = " + threads);
        }
    }

    public Path path() {
        return path;
    }

    public DuckDBConnection connection() {
        return connection;
    }

    /** A second connection to the same database instance, for a concurrent reader (web requests). */
    public Connection duplicate() throws SQLException {
        return connection.duplicate();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
