package dev.flinkjupyter.display;

import java.util.Objects;

/** Markdown for the front end to render, for example {@code display(new Markdown("**bold**"))}. */
public final class Markdown {
    private final String markdown;

    /** Markdown text, rendered by the front end. */
    public Markdown(String markdown) {
        this.markdown = Objects.requireNonNull(markdown);
    }

    /** The Markdown text. */
    public String markdown() {
        return markdown;
    }

    @Override
    public String toString() {
        return markdown;
    }
}
