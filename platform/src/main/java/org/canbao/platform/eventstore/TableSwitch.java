package org.canbao.platform.eventstore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * How a rebuild replaces projection tables while the service runs: it builds fresh tables in a schema of their
 * own ({@code <live>_rebuild}), then, holding the tables lock exclusively, moves the live ones out and the fresh
 * ones in within one transaction. Every writing transaction takes the same lock shared before it touches a
 * projection ({@link org.canbao.platform.persistence.AdvisoryLocks}), so none is caught half-way; queries only
 * wait the moment the tables move.
 */
public final class TableSwitch {
    private final Connection c;
    private final String live;
    private final List<String> tables;

    public TableSwitch(Connection c, List<String> tables) throws SQLException {
        this.c = c;
        this.tables = tables;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select current_schema()")) {
            r.next();
            this.live = r.getString(1);
        }
    }

    /** Reads events into the fresh tables on the caller's connection; returns how many it read. */
    @FunctionalInterface
    public interface CatchUp {
        /** @param underLock false for the long first pass (it may commit as it goes), true for the last one */
        long read(boolean underLock) throws SQLException;
    }

    /**
     * The whole rebuild: fresh tables, a first pass while writers go on, the writers' lock, a last pass for what
     * came meanwhile, the switch, one commit. On any failure the live tables stay as they were.
     */
    public static long rebuild(Connection c, List<String> tables, CatchUp catchUp) throws SQLException {
        TableSwitch tableSwitch = new TableSwitch(c, tables);
        try {
            tableSwitch.prepare();
            c.setAutoCommit(false);
            long events = catchUp.read(false);
            tableSwitch.lockWriters();
            events += catchUp.read(true);
            tableSwitch.switchOver();
            c.commit();
            return events;
        } catch (SQLException | RuntimeException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
            tableSwitch.cleanUp();
        }
    }

    /** The key every writer holds shared and a switch holds exclusively; per schema, so per service. */
    public static String lockKey(String schema) {
        return schema + "-projection-tables";
    }

    public String fresh() {
        return live + "_rebuild";
    }

    private String retired() {
        return live + "_retired";
    }

    /**
     * Empty copies of the live tables in the fresh schema, which comes first on this connection's path. The fresh and
     * retired schemas are kept and emptied, not dropped and created: a service's database role owns them (made by
     * the operator with its own schema) and has no right to create schemas.
     */
    public void prepare() throws SQLException {
        createIfMissing(fresh());
        createIfMissing(retired());
        empty(fresh());
        empty(retired());
        for (String table : tables) {
            execute("create table " + fresh() + "." + table + " (like " + live + "." + table + " including all)");
        }
        execute("set search_path to " + fresh() + ", " + live);
    }

    /** Blocks new writers and waits for those in flight; the caller then catches up and calls {@link #switchOver}. */
    public void lockWriters() throws SQLException {
        execute("select pg_advisory_xact_lock(hashtext('" + lockKey(live) + "'))");
    }

    /** In the caller's transaction: fresh tables in, old ones out; sequences of serial columns stay live. */
    public void switchOver() throws SQLException {
        for (String table : tables) {
            execute("alter table " + live + "." + table + " set schema " + retired());
            execute("alter table " + fresh() + "." + table + " set schema " + live);
        }
        List<String[]> owned = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select seq.relname, tab.relname, att.attname from pg_class seq
                join pg_depend d on d.objid = seq.oid and d.deptype = 'a'
                join pg_class tab on tab.oid = d.refobjid
                join pg_attribute att on att.attrelid = tab.oid and att.attnum = d.refobjsubid
                where seq.relkind = 'S' and seq.relnamespace = '%s'::regnamespace""".formatted(retired()))) {
            while (r.next()) {
                owned.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
        }
        for (String[] sequence : owned) {
            execute("alter sequence " + retired() + "." + sequence[0] + " owned by none");
            execute("alter sequence " + retired() + "." + sequence[0] + " set schema " + live);
            execute("alter sequence " + live + "." + sequence[0] + " owned by " + live + "." + sequence[1] + "." + sequence[2]);
        }
    }

    /** After the switch committed, or after a failure: drops what is left and restores the connection's path. */
    public void cleanUp() throws SQLException {
        execute("set search_path to " + live);
        empty(retired());
        empty(fresh());
    }

    /** PostgreSQL checks the right to create before it sees that a schema exists, so look first. */
    private void createIfMissing(String schema) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select 1 from pg_namespace where nspname = '" + schema + "'")) {
            if (r.next()) {
                return;
            }
        }
        execute("create schema " + schema);
    }

    private void empty(String schema) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select case c.relkind when 'S' then 'sequence' else 'table' end, c.relname from pg_class c
                where c.relnamespace = '%s'::regnamespace and c.relkind in ('r', 'p', 'S')
                order by c.relkind desc""".formatted(schema))) {
            while (r.next()) {
                drops.add("drop " + r.getString(1) + " if exists " + schema + "." + r.getString(2) + " cascade");
            }
        }
        for (String drop : drops) {
            execute(drop);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
