package dev.flinkjupyter.kernel;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cell that asks for help, IPython style: {@code ?Math.max} or {@code Math.max?}. */
final class HelpRequest {
    private static final Pattern HELP = Pattern.compile("^\\s*(?:\\?\\s*([\\w$.]+)|([\\w$.]+)\\s*\\?)\\s*$");

    private HelpRequest() {
    }

    /** The name asked about, when the whole cell is a help request. */
    static Optional<String> nameIn(String code) {
        Matcher m = HELP.matcher(code);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
    }
}
