package dev.flinkjupyter.magics;

/**
 * A line magic whose argument is code, not options: {@code %time expr}. The framework hands it the
 * rest of the line as written, untokenized; only {@code --help} is answered for it.
 */
public interface CodeMagic {

    /** Runs the magic on {@code code}, the text after {@code %name }. */
    Object run(Session session, String code) throws Exception;
}
