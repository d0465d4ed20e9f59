package dev.flinkjupyter.engine;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.DisplayOutput;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.Renderers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A display output for tests, installed as the one {@link Display} uses: it remembers every
 * output, with the cell that was running when its display target was taken (a number the test
 * moves on, as the kernel moves on from request to request).
 */
public final class RecordingDisplay implements DisplayOutput {
    /** One output call: {@code show}, {@code update} or {@code clear}, in {@code cell}. */
    public record Call(String kind, String displayId, MimeBundle bundle, int cell) {
        public String text() {
            return bundle == null ? "" : String.valueOf(bundle.get(MimeBundle.TEXT));
        }
    }

    private final List<Call> callsRef;
    private final IntSupplier currentCell;
    private final int cell;

    /** @param cell the cell it is pinned to, or -1 for whichever runs */
    private RecordingDisplay(List<Call> calls, IntSupplier currentCell, int cell) {
        this.callsRef = calls;
        this.currentCell = currentCell;
        this.cell = cell;
    }

    /** Installs a recording output with the given renderers; {@code currentCell} says which cell runs. */
    public static RecordingDisplay install(Renderers renderers, IntSupplier currentCell) {
        RecordingDisplay display = new RecordingDisplay(new ArrayList<>(), currentCell, -1);
        Display.install(renderers, display);
        return display;
    }

    /** Puts back an output that prints, as outside a kernel. */
    public static void uninstall() {
        Display.install(new Renderers(), new DisplayOutput() {
            @Override
            public void show(MimeBundle bundle, String displayId) {
                System.out.println(bundle.get(MimeBundle.TEXT));
            }

            @Override
            public void update(MimeBundle bundle, String displayId) {
                show(bundle, displayId);
            }

            @Override
            public void clear(boolean wait) {
            }
        });
    }

    @Override
    public DisplayOutput pinned() {
        return new RecordingDisplay(callsRef, currentCell, currentCell.getAsInt());
    }

    private int cell() {
        return cell >= 0 ? cell : currentCell.getAsInt();
    }

    @Override
    public void show(MimeBundle bundle, String displayId) {
        record("show", displayId, bundle);
    }

    @Override
    public void update(MimeBundle bundle, String displayId) {
        record("update", displayId, bundle);
    }

    @Override
    public void clear(boolean wait) {
        record("clear", null, null);
    }

    private void record(String kind, String displayId, MimeBundle bundle) {
        synchronized (callsRef) {
            callsRef.add(new Call(kind, displayId, bundle, cell()));
        }
    }

    public List<Call> calls() {
        synchronized (callsRef) {
            return List.copyOf(callsRef);
        }
    }

    /** The calls for one output, in order. */
    public List<Call> of(String displayId) {
        return calls().stream().filter(c -> displayId.equals(c.displayId())).toList();
    }

    public void reset() {
        synchronized (callsRef) {
            callsRef.clear();
        }
    }
}
