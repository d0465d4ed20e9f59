package dev.flinkjupyter.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into the parts that run in order: Java code and magics. A cell whose first
 * non-blank line is {@code %%name ...} is one cell magic. Otherwise each line that starts with
 * {@code %word} is a line magic (no Java line can start so, except inside a text block, which is
 * left alone), and the lines between are Java. Java parts keep their place in the cell (earlier lines
 * become blank), so that compile errors report the cell's own lines and columns.
 */
public final class CellParts {
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z][\\w-]*)(?:[ \\t]+(.*))?$");
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z][\\w-]*)(?:[ \\t]+(.*))?$");

    /** One part of a cell: Java code or a magic. */
    public sealed interface Part permits Java, Magic {
    }

    /** Java code; earlier lines of the cell are blank in {@code code}, so offsets match the cell's. */
    public record Java(String code) implements Part {
    }

    /** A magic's use. */
    public record Magic(MagicCall call) implements Part {
    }

    private CellParts() {
    }

    /** The parts of {@code cell}, in order; blank Java between magics is left out. */
    public static List<Part> split(String cell) {
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length) {
            Matcher m = CELL_MAGIC.matcher(lines[first]);
            if (m.matches()) {
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, first + 1, lines.length));
                return List.of(new Magic(new MagicCall(m.group(1), true, args(m), body, first + 1)));
            }
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        boolean javaHasCode = false;
        boolean inTextBlock = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE_MAGIC.matcher(lines[i]);
            if (!inTextBlock && m.matches()) {
                if (javaHasCode) {
                    parts.add(new Java(java.toString()));
                }
                parts.add(new Magic(new MagicCall(m.group(1), false, args(m), "", i + 1)));
                java.setLength(0);
                java.append("\n".repeat(i + 1));
                javaHasCode = false;
                continue;
            }
            java.append(lines[i]);
            if (i < lines.length - 1) {
                java.append('\n');
            }
            javaHasCode |= !lines[i].isBlank();
            inTextBlock ^= countTextBlockQuotes(lines[i]) % 2 == 1;
        }
        if (javaHasCode) {
            parts.add(new Java(java.toString()));
        }
        return parts;
    }

    /** Whether the cell holds any magic: cells without one go to Java unchanged. */
    public static boolean hasMagic(List<Part> parts) {
        return parts.stream().anyMatch(p -> p instanceof Magic);
    }

    private static String args(Matcher m) {
        return m.group(2) == null ? "" : m.group(2).strip();
    }

    private static int countTextBlockQuotes(String line) {
        int count = 0;
        for (int i = line.indexOf("\"\"\""); i >= 0; i = line.indexOf("\"\"\"", i + 3)) {
            count++;
        }
        return count;
    }
}
