package dev.flinkjupyter.magics;

/**
 * A magic that owns a whole cell: {@code %%name args} on the first line, its input below. Like
 * {@link LineMagic}, a picocli {@code @Command} filled in before each call.
 */
public interface CellMagic {

    /**
     * @param body the cell's text after its first line
     * @return what the cell should display, or null
     */
    Object run(Session session, String body) throws Exception;
}
