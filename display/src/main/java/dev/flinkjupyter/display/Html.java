package dev.flinkjupyter.display;

import java.util.Objects;

/**
 * HTML to show as it is, for example {@code display(new Html("<b>done</b>"))}. The markup is
 * trusted: escape data with {@link #escape(String)} before putting it in.
 */
public final class Html {
    private final String html;

    /** HTML markup, shown as it is. */
    public Html(String html) {
        this.html = Objects.requireNonNull(html);
    }

    /** The markup. */
    public String html() {
        return html;
    }

    /** Escapes {@code & < > " '} so that text shows as text inside HTML. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return html;
    }
}
