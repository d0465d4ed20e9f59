package dev.flinkjupyter.magics;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's argument line into words the way a shell does for the common cases: blanks
 * separate words; 'single quotes' keep everything literally; "double quotes" keep blanks and take
 * \" and \\ as escapes. So {@code --sql "SELECT a, b FROM t"} is two words.
 */
final class ArgumentLine {
    private ArgumentLine() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int quoteStart = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                quoteStart = i;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new MagicException("unterminated " + (quote == '"' ? "double" : "single") + " quote at column "
                    + (quoteStart + 1) + " of the arguments: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
