package dev.flinkjupyter.kernel.jshell;

/**
 * The text of one cell, with the means to turn an offset into the line and column a user sees.
 * Lines and columns count from 1.
 */
record CellSource(String text) {

    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    int columnOf(int offset) {
        int start = text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length()) - 1)) + 1;
        return Math.min(offset, text.length()) - start + 1;
    }

    /** The text of line {@code line} (1-based), without its line break. */
    String line(int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
