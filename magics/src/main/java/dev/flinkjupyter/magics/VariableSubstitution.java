package dev.flinkjupyter.magics;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${name}} in a magic's arguments (or a SQL cell) by the value of the Java variable
 * {@code name}, as {@code String.valueOf} writes it. {@code \${name}} stays as written, without
 * the backslash.
 */
public final class VariableSubstitution {
    private static final Pattern REFERENCE = Pattern.compile("(\\\\?)\\$\\{\\s*([A-Za-z_$][\\w$]*)\\s*}");

    private VariableSubstitution() {
    }

    /**
     * @throws MagicException naming the reference and the variables that exist, when a reference
     *                        names no variable
     */
    public static String apply(String text, Session session) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = m.group().substring(1);
            } else {
                String name = m.group(2);
                if (!session.variables().containsKey(name)) {
                    throw new MagicException("${" + name + "}: there is no variable " + name + " (variables: "
                            + String.join(", ", new TreeSet<>(session.variables().keySet())) + ")");
                }
                replacement = String.valueOf(session.value(name).orElse(null));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
