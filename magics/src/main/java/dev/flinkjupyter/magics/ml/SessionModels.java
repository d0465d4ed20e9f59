package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;

import java.util.Map;
import java.util.stream.Collectors;

/** Finds the models {@code %train} bound, by their variable names. */
final class SessionModels {
    private SessionModels() {
    }

    /** The model in variable {@code name}; anything else fails, naming the models there are. */
    static TrainedModel named(Session session, String name) {
        Object value = session.variables().containsKey(name) ? session.value(name).orElse(null) : null;
        if (value instanceof TrainedModel model) {
            return model;
        }
        String models = session.variables().entrySet().stream()
                .filter(e -> e.getValue().endsWith("TrainedModel"))
                .map(Map.Entry::getKey).sorted().collect(Collectors.joining(", "));
        String what = !session.variables().containsKey(name) ? "there is no variable " + name
                : name + " is " + (value == null ? "null" : "a " + value.getClass().getSimpleName())
                + ", not a model trained by %train";
        throw new MagicException(what + "; models: " + (models.isEmpty() ? "none yet (train one with %train)" : models));
    }
}
