package fr.achatlas.web;

import fr.achatlas.store.Database;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands each request its own connection to the shared DuckDB instance (a JDBC connection is not thread-safe). */
@Component
public class Connections {

    private final Database db;

    public Connections(Database db) {
        this.db = db;
    }

    public Connection open() throws SQLException {
        return db.duplicate();
    }
}
