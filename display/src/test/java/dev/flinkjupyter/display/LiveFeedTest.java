package dev.flinkjupyter.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveFeedTest {
    private final RecordedOutput output = new RecordedOutput();
    private final DisplayTarget cell = new DisplayTarget(new Renderers(), output);

    /** Word counts as a changelog: (change, word, count). */
    record Counted(Change change, String word, long n) {
    }

    private static final LiveFeed.Rows<Counted> COUNTED = new LiveFeed.Rows<>() {
        @Override
        public Optional<List<HtmlTable.Column>> columns() {
            return Optional.of(columns(List.of()));
        }

        @Override
        public List<HtmlTable.Column> columns(List<? extends Counted> first) {
            return List.of(HtmlTable.Column.of("word", "STRING"), HtmlTable.Column.numeric("n", "BIGINT"));
        }

        @Override
        public List<?> cells(Counted element, List<HtmlTable.Column> columns) {
            return List.of(element.word(), element.n());
        }

        @Override
        public Change change(Counted element) {
            return element.change();
        }
    };

    private static List<Counted> changelogOf(String... words) {
        List<Counted> changes = new ArrayList<>();
        java.util.Map<String, Long> n = new java.util.HashMap<>();
        for (String word : words) {
            Long before = n.get(word);
            if (before != null) {
                changes.add(new Counted(Change.UPDATE_BEFORE, word, before));
            }
            long after = before == null ? 1 : before + 1;
            changes.add(new Counted(before == null ? Change.INSERT : Change.UPDATE_AFTER, word, after));
            n.put(word, after);
        }
        return changes;
    }

    @Test
    void aShortSourceIsOneOutputWithAFirstViewAndTheFinalTable() {
        cell.display(LiveFeed.of(changelogOf("a", "b", "a").iterator(), COUNTED));

        List<RecordedOutput.Call> calls = output.calls();
        assertThat(calls).extracting(RecordedOutput.Call::kind).containsExactly("show", "update");
        assertThat(calls).extracting(RecordedOutput.Call::displayId).containsOnly(calls.get(0).displayId());
        assertThat(calls.get(0).text()).contains("word").contains("waiting for the first rows · live");
        String last = lastText();
        assertThat(last).contains("a | 2").contains("b | 1").endsWith("2 rows");
        WellFormed.html((String) output.last().bundle().get(MimeBundle.HTML));
    }

    @Test
    void theFinalViewOfAnAppendLooksLikeAStaticTable() {
        List<HtmlTable.Column> columns = List.of(HtmlTable.Column.numeric("x", "INT"));
        LiveFeed.Rows<Integer> ints = new LiveFeed.Rows<>() {
            @Override
            public List<HtmlTable.Column> columns(List<? extends Integer> first) {
                return columns;
            }

            @Override
            public List<?> cells(Integer element, List<HtmlTable.Column> c) {
                return List.of(element);
            }
        };
        cell.display(LiveFeed.of(List.of(1, 2, 3).iterator(), ints).mode(LiveTable.Mode.APPEND));

        HtmlTable expected = HtmlTable.withColumns(columns).addRow(1).addRow(2).addRow(3);
        assertThat(output.last().bundle().data()).isEqualTo(expected.bundle().data());
    }

    @Test
    void redrawsAtMostOncePerIntervalAndAlwaysAtTheEnd() {
        AtomicLong now = new AtomicLong();
        // The time the feed's throttle last read, in the drawing thread: the reader thread moves
        // `now` on meanwhile, so `now` at the moment of the update would be later than the draw's.
        AtomicLong seen = new AtomicLong();
        List<Long> drawnAt = new ArrayList<>();
        DisplayOutput timed = new DisplayOutput() {
            @Override
            public void show(MimeBundle bundle, String displayId) {
            }

            @Override
            public synchronized void update(MimeBundle bundle, String displayId) {
                drawnAt.add(seen.get());
                output.update(bundle, displayId);
            }

            @Override
            public void clear(boolean wait) {
            }
        };
        List<Counted> changes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            changes.add(new Counted(Change.INSERT, "w" + i, i));
        }
        // every row comes 10 ms (on the test's clock) after the previous one: 2 s in all
        Iterator<Counted> rows = changes.iterator();
        Iterator<Counted> paced = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Counted next() {
                now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
                return rows.next();
            }
        };

        new DisplayTarget(new Renderers(), timed)
                .display(LiveFeed.of(paced, COUNTED).every(Duration.ofMillis(250)).clock(() -> {
                    seen.set(now.get());
                    return seen.get();
                }));

        List<Long> live = drawnAt.subList(0, drawnAt.size() - 1);
        for (int i = 1; i < live.size(); i++) {
            assertThat(live.get(i) - live.get(i - 1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
        }
        assertThat(live.size()).isLessThanOrEqualTo(8); // 2 s of rows, one redraw per 250 ms
        assertThat(lastText()).endsWith("\n200 rows");
    }

    @Test
    void anInterruptStopsTheSourceAndKeepsTheLastViewMarkedStopped() throws Exception {
        LinkedBlockingQueue<Counted> arriving = new LinkedBlockingQueue<>(changelogOf("a", "b", "a"));
        AtomicBoolean stopped = new AtomicBoolean();
        Iterator<Counted> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Counted next() {
                try {
                    return arriving.take();
                } catch (InterruptedException e) {
                    throw new NoSuchElementException("interrupted");
                }
            }
        };
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread cellThread = new Thread(() -> {
            try {
                cell.display(LiveFeed.of(endless, COUNTED).every(Duration.ofMillis(10)).onStop(() -> stopped.set(true)));
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        cellThread.start();
        while (!lastText().contains("a | 2")) {
            Thread.sleep(10);
        }
        cellThread.interrupt();

        assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(stopped).isTrue();
        assertThat(lastText()).contains("a | 2").endsWith("2 rows · stopped");
    }

    @Test
    void aCancelledSourceLeavesTheViewStoppedAndThrows() {
        Iterator<Counted> cancelled = failingAfter(changelogOf("a"), new CancellationException("the job was cancelled"));

        assertThatThrownBy(() -> cell.display(LiveFeed.of(cancelled, COUNTED)))
                .isInstanceOf(CancellationException.class)
                .hasMessage("the job was cancelled");
        assertThat(lastText()).endsWith("1 row · stopped");
    }

    @Test
    void aFailingSourceLeavesTheViewFailedAndThrowsItsError() {
        Iterator<Counted> failing = failingAfter(changelogOf("a"), new IllegalStateException("division by zero"));

        assertThatThrownBy(() -> cell.display(LiveFeed.of(failing, COUNTED)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("division by zero");
        assertThat(lastText()).endsWith("1 row · failed");
    }

    record Point(int x, String label) {
    }

    @Test
    void anyElementsGetTheirRowLayout() {
        cell.display(LiveFeed.of(List.of(new Point(1, "a"), new Point(2, "b")).iterator()));

        String last = lastText();
        assertThat(last).contains("x | label").contains("1 | a").endsWith("2 rows");
    }

    @Test
    void elementsWithoutALayoutAreOneColumn() {
        cell.display(LiveFeed.of(List.of(10L, 20L).iterator()).maxRows(1));

        assertThat(lastText()).contains("value").contains("20").doesNotContain("10")
                .endsWith("showing the last 1 of 2 rows");
    }

    @Test
    void anEmptySourceSaysSo() {
        cell.display(LiveFeed.of(List.<Long>of().iterator()));

        assertThat(lastText()).isEqualTo("no rows");
    }

    @Test
    void aLiveRendererMakesAValueLive() {
        Renderers renderers = new Renderers().registerLive(StringBuilder.class,
                (value, context) -> Optional.of(LiveFeed.of(List.of(value.toString()).iterator())));
        new DisplayTarget(renderers, output).display(new StringBuilder("streamed"));

        assertThat(output.calls()).extracting(RecordedOutput.Call::kind).containsExactly("show", "update");
        assertThat(lastText()).contains("streamed");
        assertThat(renderers.live("not live")).isEmpty();
        assertThat(renderers.render(new StringBuilder("once")).get(MimeBundle.TEXT)).isEqualTo("once");
    }

    /** The text of the last output, runs of spaces squeezed to one (columns are padded). */
    private String lastText() {
        return output.calls().isEmpty() ? "" : output.last().text().replaceAll(" +", " ");
    }

    private static <T> Iterator<T> failingAfter(List<T> elements, RuntimeException failure) {
        Iterator<T> first = elements.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (!first.hasNext()) {
                    throw failure;
                }
                return true;
            }

            @Override
            public T next() {
                return first.next();
            }
        };
    }
}
