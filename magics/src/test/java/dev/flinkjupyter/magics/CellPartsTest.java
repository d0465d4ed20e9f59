package dev.flinkjupyter.magics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CellPartsTest {

    @Test
    void aCellWithoutMagicsIsOneJavaPartUnchanged() {
        List<CellParts.Part> parts = CellParts.split("int x = 1;\nx + 1");
        assertThat(parts).containsExactly(new CellParts.Java("int x = 1;\nx + 1"));
        assertThat(CellParts.hasMagic(parts)).isFalse();
    }

    @Test
    void aCellMagicTakesTheWholeCell() {
        List<CellParts.Part> parts = CellParts.split("\n%%sql --limit 5\nSELECT 1;\n%not a magic");
        assertThat(parts).containsExactly(new CellParts.Magic(
                new MagicCall("sql", true, "--limit 5", "SELECT 1;\n%not a magic", 2)));
    }

    @Test
    void lineMagicsSplitJavaAndJavaKeepsItsLineNumbers() {
        List<CellParts.Part> parts = CellParts.split("int x = 1;\n  %load data.csv --as t\nx + 1\n%tables");
        assertThat(parts).containsExactly(
                new CellParts.Java("int x = 1;\n"),
                new CellParts.Magic(new MagicCall("load", false, "data.csv --as t", "", 2)),
                new CellParts.Java("\n\nx + 1\n"),
                new CellParts.Magic(new MagicCall("tables", false, "", "", 4)));
    }

    @Test
    void aPercentLineInsideATextBlockIsJava() {
        String cell = "String s = \"\"\"\n%d items\n\"\"\";\n%time s.length()";
        List<CellParts.Part> parts = CellParts.split(cell);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).isEqualTo(new CellParts.Java("String s = \"\"\"\n%d items\n\"\"\";\n"));
        assertThat(parts.get(1)).isEqualTo(new CellParts.Magic(new MagicCall("time", false, "s.length()", "", 4)));
    }

    @Test
    void aModuloOperatorOnItsOwnLineIsJava() {
        assertThat(CellParts.split("int r = 7\n  % 3;")).containsExactly(new CellParts.Java("int r = 7\n  % 3;"));
    }
}
