package dev.flinkjupyter.kernel.jshell;

import java.util.regex.Pattern;

/**
 * A variable every notebook has, declared only when a cell first mentions it, so that what it
 * costs (starting Flink for {@code env}) is paid by the cells that use it and never at start.
 *
 * @param name        the variable's name, e.g. {@code env}
 * @param type        its declared type, e.g. {@code StreamExecutionEnvironment}
 * @param initializer the expression that creates it
 */
public record LazyVariable(String name, String type, String initializer) {

    boolean isMentionedIn(String code) {
        return Pattern.compile("(?<![\\w$.])" + Pattern.quote(name) + "(?![\\w$])").matcher(code).find();
    }

    String declaration() {
        return type + " " + name + " = " + initializer + ";";
    }
}
