package dev.flinkjupyter.magics;

import dev.flinkjupyter.magics.builtin.HelpMagic;
import dev.flinkjupyter.magics.builtin.LsMagic;
import dev.flinkjupyter.magics.builtin.TimeMagic;

import java.util.List;

/** The magics every kernel has. A new magic is added here. */
final class BuiltinMagics {
    private BuiltinMagics() {
    }

    static final List<Class<?>> CLASSES = List.of(
            LsMagic.class,
            HelpMagic.class,
            TimeMagic.class);
}
