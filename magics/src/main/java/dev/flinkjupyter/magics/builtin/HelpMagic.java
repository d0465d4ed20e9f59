package dev.flinkjupyter.magics.builtin;

import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Magics;
import dev.flinkjupyter.magics.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %help NAME}: one magic's usage. */
@Command(name = "help", description = "Explains a magic: %%help load, %%help %%%%sql.")
public final class HelpMagic implements LineMagic {

    @Parameters(index = "0", paramLabel = "MAGIC", description = "The magic's name, with or without %% or %%%%.")
    String magic;

    @Override
    public Object run(Session session) {
        Magics magics = Magics.load();
        boolean cell = magic.startsWith("%%");
        String name = magic.replaceFirst("^%{1,2}", "");
        if (!magic.startsWith("%") && !magics.has(name, false) && magics.has(name, true)) {
            cell = true;
        }
        if (!magics.has(name, cell)) {
            throw new MagicException("%help: there is no magic " + magic + "; line magics: "
                    + String.join(", ", magics.lineNames()) + "; cell magics: " + String.join(", ", magics.cellNames()));
        }
        System.out.print(magics.usage(name, cell));
        if (!cell && magics.has(name, true)) {
            System.out.println();
            System.out.print(magics.usage(name, true));
        }
        return null;
    }
}
