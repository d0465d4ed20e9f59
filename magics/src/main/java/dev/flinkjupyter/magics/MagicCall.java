package dev.flinkjupyter.magics;

/**
 * One use of a magic in a cell.
 *
 * @param name      the magic's name, without {@code %} or {@code %%}
 * @param cell      true for a cell magic ({@code %%name}), false for a line magic
 * @param arguments the text after the name on its line, as written
 * @param body      a cell magic's input (the lines after the first); empty for a line magic
 * @param line      the cell line (from 1) the magic stands on
 */
public record MagicCall(String name, boolean cell, String arguments, String body, int line) {

    /** How the user wrote it: {@code %name} or {@code %%name}. */
    public String display() {
        return (cell ? "%%" : "%") + name;
    }
}
