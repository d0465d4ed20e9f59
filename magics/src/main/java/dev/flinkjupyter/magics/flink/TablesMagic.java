package dev.flinkjupyter.magics.flink;

import dev.flinkjupyter.display.Markdown;
import dev.flinkjupyter.engine.SqlSession;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.Session;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ContextResolvedTable;
import picocli.CommandLine.Command;

/** {@code %tables}: the tables and views SQL can read, with their kind, source and columns. */
@Command(name = "tables", description = "Lists the tables and views of the current catalog and database:"
        + " kind, source and columns (%%describe NAME tells more).")
public final class TablesMagic implements LineMagic {

    @Override
    public Object run(Session session) {
        SqlSession sql = session.engine().sql();
        CatalogTables tables = new CatalogTables(sql);
        String where = sql.batch().getCurrentCatalog() + "." + sql.batch().getCurrentDatabase();
        if (tables.names().isEmpty()) {
            return new Markdown("No table in " + where + " yet: CREATE TABLE in %%sql, or %load a file.");
        }
        MarkdownTable out = new MarkdownTable("name", "kind", "source", "columns");
        for (String name : tables.names()) {
            tables.find("`" + name.replace("`", "``") + "`").ifPresent(table -> out.row(
                    name, kind(table), source(table.getResolvedTable()), columns(table)));
        }
        return new Markdown("Tables in " + where + ":\n\n" + out);
    }

    static String kind(ContextResolvedTable table) {
        String kind = table.getResolvedTable().getTableKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return table.isTemporary() ? "temporary " + kind : kind;
    }

    /** The connector and, for files, the path. */
    static String source(CatalogBaseTable table) {
        if (!(table instanceof CatalogTable catalogTable)) {
            return "query";
        }
        Map<String, String> options = catalogTable.getOptions();
        String connector = options.getOrDefault("connector", "(no connector)");
        String path = options.get("path");
        return path == null ? connector : connector + " " + path;
    }

    static String columns(ContextResolvedTable table) {
        return table.getResolvedSchema().getColumns().stream()
                .map(TablesMagic::column)
                .collect(Collectors.joining(", "));
    }

    private static String column(Column column) {
        return column.getName() + " " + column.getDataType().getLogicalType().asSummaryString();
    }
}
