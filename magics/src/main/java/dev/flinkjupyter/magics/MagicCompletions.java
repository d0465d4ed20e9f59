package dev.flinkjupyter.magics;

import java.util.List;

/**
 * What may replace the text of a line from {@code start} to the cursor.
 *
 * @param start offset in the line where the replaced word begins
 */
public record MagicCompletions(List<String> matches, int start) {
}
