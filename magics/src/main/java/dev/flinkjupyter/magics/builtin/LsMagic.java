package dev.flinkjupyter.magics.builtin;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.Magics;
import dev.flinkjupyter.magics.Session;
import picocli.CommandLine.Command;

/** {@code %lsmagic}: the magics this kernel knows. */
@Command(name = "lsmagic", description = "Lists the magics, line (%%) and cell (%%%%).")
public final class LsMagic implements LineMagic {

    @Override
    public Object run(Session session) {
        HtmlTable table = HtmlTable.withColumns(HtmlTable.Column.of("magic", "STRING"),
                HtmlTable.Column.of("does", "STRING")).noun("magic");
        for (Magics.Summary summary : Magics.load().summaries()) {
            table.addRow(summary.magic(), summary.description());
        }
        return table.note("%help NAME or %NAME --help explains one");
    }
}
