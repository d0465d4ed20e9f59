package dev.flinkjupyter.magics;

import java.util.List;

/**
 * Lets a library add magics: list its magic classes in
 * {@code META-INF/services/dev.flinkjupyter.magics.MagicProvider}. Each class is a picocli
 * {@code @Command} implementing {@link LineMagic}, {@link CellMagic} or {@link CodeMagic}.
 */
public interface MagicProvider {
    List<Class<?>> magics();
}
