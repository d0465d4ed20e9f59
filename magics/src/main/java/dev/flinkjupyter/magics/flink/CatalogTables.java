package dev.flinkjupyter.magics.flink;

import dev.flinkjupyter.engine.SqlSession;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.UnresolvedIdentifier;

/**
 * The tables and views SQL cells can read, in the current catalog and database of the notebook's SQL:
 * those of the shared catalog and the temporary ones, including a temporary view that only streaming
 * mode can hold (one over an unbounded source).
 */
final class CatalogTables {
    private final SqlSession sql;

    CatalogTables(SqlSession sql) {
        this.sql = sql;
    }

    /** The names of the tables and views, sorted. */
    List<String> names() {
        TreeSet<String> names = new TreeSet<>(List.of(sql.batch().listTables()));
        names.addAll(List.of(sql.streaming().listTables()));
        return List.copyOf(names);
    }

    /**
     * A table or view by its name as SQL writes it ({@code t}, {@code db.t}, {@code cat.db.t}, with
     * backticks when needed).
     *
     * @throws IllegalArgumentException if the name is not a SQL identifier
     */
    Optional<ContextResolvedTable> find(String name) {
        for (TableEnvironment environment : List.of(sql.batch(), sql.streaming())) {
            TableEnvironmentInternal internal = (TableEnvironmentInternal) environment;
            UnresolvedIdentifier identifier;
            try {
                identifier = internal.getParser().parseIdentifier(name);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + name + "' is not a table name: " + e.getMessage());
            }
            CatalogManager catalogs = internal.getCatalogManager();
            ObjectIdentifier qualified = catalogs.qualifyIdentifier(identifier);
            Optional<ContextResolvedTable> table = catalogs.getTable(qualified);
            if (table.isPresent()) {
                return table;
            }
        }
        return Optional.empty();
    }
}
