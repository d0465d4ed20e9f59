package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.engine.SqlError;
import dev.flinkjupyter.engine.SqlSession;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import dev.flinkjupyter.ml.TableStreams;
import org.apache.flink.table.api.Table;

import java.util.List;
import java.util.TreeSet;

/**
 * The tables the ML magics take by name, from the notebook's SQL catalog, each in the mode its
 * sources need: a bounded table in batch, an unbounded one in streaming.
 */
final class NamedTables {
    private NamedTables() {
    }

    /** The table called {@code name}; an unknown name fails with the tables that exist. */
    static Table lookup(Session session, String name) {
        SqlSession sql = session.engine().sql();
        try {
            return sql.table("SELECT * FROM " + name);
        } catch (SqlError e) {
            if (e.getMessage() != null && e.getMessage().contains("not found")) {
                throw new MagicException("unknown table '" + name + "'; tables: " + String.join(", ", names(sql)));
            }
            throw new MagicException("cannot read table '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Whether the table's sources are bounded: it was planned in the batch environment. */
    static boolean isBounded(Session session, Table table) {
        return TableStreams.environmentOf(table) == session.engine().sql().batch();
    }

    private static List<String> names(SqlSession sql) {
        TreeSet<String> names = new TreeSet<>(List.of(sql.batch().listTables()));
        names.addAll(List.of(sql.streaming().listTables()));
        return List.copyOf(names);
    }
}
