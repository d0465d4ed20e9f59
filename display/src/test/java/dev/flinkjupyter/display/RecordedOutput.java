package dev.flinkjupyter.display;

import java.util.ArrayList;
import java.util.List;

/** A display output that remembers what it was asked to show, for tests; thread-safe. */
final class RecordedOutput implements DisplayOutput {
    /** One call: {@code show}, {@code update} or {@code clear}. */
    record Call(String kind, String displayId, MimeBundle bundle) {
        String text() {
            return String.valueOf(bundle.get(MimeBundle.TEXT));
        }
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public synchronized void show(MimeBundle bundle, String displayId) {
        calls.add(new Call("show", displayId, bundle));
    }

    @Override
    public synchronized void update(MimeBundle bundle, String displayId) {
        calls.add(new Call("update", displayId, bundle));
    }

    @Override
    public synchronized void clear(boolean wait) {
        calls.add(new Call("clear", null, null));
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized Call last() {
        return calls.get(calls.size() - 1);
    }
}
