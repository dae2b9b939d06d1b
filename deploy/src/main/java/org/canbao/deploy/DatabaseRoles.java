package org.canbao.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Least privilege in the database: each service logs in as its own role ({@code canbao_<schema>}), which owns its
 * schema (and the {@code _rebuild} and {@code _retired} ones a rebuild uses) and has no right on any other. Run as a superuser before the services start; safe to run again, and it
 * hands over the tables of a database that an earlier version ran as the superuser.
 */
public final class DatabaseRoles {
    private DatabaseRoles() {
    }

    public static void prepare(String superuserJdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserJdbcUrl, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("revoke create on schema public from public");
            for (ServiceSpec service : ServiceSpec.values()) {
                String role = service.databaseRole();
                String schema = service.schema();
                s.execute("""
                        do $$ begin
                          if not exists (select 1 from pg_roles where rolname = '%1$s') then
                            create role %1$s login;
                          end if;
                        end $$""".formatted(role));
                // its own schema, and the two a rebuild fills and empties (see TableSwitch)
                for (String owned : List.of(schema, schema + "_rebuild", schema + "_retired")) {
                    s.execute("create schema if not exists %s authorization %s".formatted(owned, role));
                    s.execute("alter schema %s owner to %s".formatted(owned, role));
                }
                // tables and the sequences no column owns (an owned sequence follows its table)
                s.execute("""
                        do $$ declare r record; begin
                          for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                   where n.nspname = '%1$s' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                     and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))
                          loop
                            execute format('alter %%s %%I.%%I owner to %%I',
                                case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                                               when 'm' then 'materialized view' else 'table' end,
                                '%1$s', r.relname, '%2$s');
                          end loop;
                        end $$""".formatted(schema, role));
            }
        }
    }
}
