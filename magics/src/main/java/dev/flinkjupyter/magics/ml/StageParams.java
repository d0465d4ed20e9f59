package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.WithParams;

import java.util.Map;

/** Sets a stage's parameters from the text of a magic's options. */
final class StageParams {
    private StageParams() {
    }

    /** Whether the stage has a parameter of that name. */
    static boolean has(WithParams<?> stage, String name) {
        for (Param<?> param : stage.params()) {
            if (param.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Sets a parameter the magic itself chose, when the stage has it. */
    static void setIfPresent(WithParams<?> stage, String name, String value) {
        if (has(stage, name)) {
            stage.setParam(name, value);
        }
    }

    /** Sets the user's {@code --param k=v}; a bad name or value fails with the stage's own message. */
    static void setAll(WithParams<?> stage, String algorithm, Map<String, String> params) {
        params.forEach((name, value) -> {
            try {
                stage.setParam(name, value);
            } catch (IllegalArgumentException e) {
                throw new MagicException("--param " + name + "=" + value + " for " + algorithm + ": " + e.getMessage());
            }
        });
    }
}
