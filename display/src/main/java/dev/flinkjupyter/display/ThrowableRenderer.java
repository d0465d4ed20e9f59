package dev.flinkjupyter.display;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An exception kept as a value (not thrown): its class and message, then its causes, without the
 * stack trace, which is noise in a result.
 */
final class ThrowableRenderer implements Renderer<Throwable> {
    @Override
    public MimeBundle render(Throwable throwable, RenderContext context) {
        StringBuilder text = new StringBuilder(String.valueOf(throwable));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(throwable);
        for (Throwable cause = throwable.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            text.append("\nCaused by: ").append(cause);
        }
        return MimeBundle.text(text.toString());
    }
}
