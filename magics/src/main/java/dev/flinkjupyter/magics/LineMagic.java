package dev.flinkjupyter.magics;

/**
 * A magic that stands on one line of a cell: {@code %name args}. Implementations are picocli
 * {@code @Command}s whose options the framework fills in before {@link #run} is called; a new
 * instance serves each call.
 */
public interface LineMagic {

    /** Does the magic's work and returns what the cell should display, or null. */
    Object run(Session session) throws Exception;
}
