package dev.flinkjupyter.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The inputs (and text outputs) of executed cells, answered to Jupyter's history requests: the
 * tail, a range of a session, or a glob search. Kept across kernel sessions in a JSON-lines file
 * under Jupyter's data directory, as IPython keeps its own.
 */
final class History {
    private static final Logger LOG = Logger.getLogger(History.class.getName());
    private static final Gson GSON = new Gson();
    private static final int KEPT = 10_000;

    /** One executed cell. */
    record Entry(int session, int line, String input, String output) {
    }

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private final int session;

    /** @param file where history is kept, or null to keep it in memory only */
    History(Path file) {
        this.file = file;
        int last = 0;
        if (file != null && Files.isReadable(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Entry e = parse(line);
                    if (e != null) {
                        entries.add(e);
                        last = Math.max(last, e.session());
                    }
                }
            } catch (IOException e) {
                LOG.warning("cannot read history " + file + ": " + e.getMessage());
            }
        }
        if (entries.size() > KEPT) {
            entries.subList(0, entries.size() - KEPT).clear();
        }
        this.session = last + 1;
    }

    int session() {
        return session;
    }

    synchronized void add(int line, String input, String output) {
        Entry entry = new Entry(session, line, input, output);
        entries.add(entry);
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    w.write(GSON.toJson(entry) + "\n");
                }
            } catch (IOException e) {
                LOG.warning("cannot write history " + file + ": " + e.getMessage());
            }
        }
    }

    /** The last {@code n} entries of every session. */
    synchronized List<Entry> tail(int n) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - Math.max(n, 0)), entries.size()));
    }

    /**
     * Lines {@code [start, stop)} of a session; session 0 is this one and negative ones count
     * back from it; a stop of 0 or less means "to the end".
     */
    synchronized List<Entry> range(int sessionNumber, int start, int stop) {
        int wanted = sessionNumber <= 0 ? session + sessionNumber : sessionNumber;
        List<Entry> result = new ArrayList<>();
        for (Entry e : entries) {
            if (e.session() == wanted && e.line() >= start && (stop <= 0 || e.line() < stop)) {
                result.add(e);
            }
        }
        return result;
    }

    /** The last {@code n} entries whose input matches a glob ({@code *} and {@code ?}). */
    synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern pattern = globToRegex(glob);
        List<Entry> matches = new ArrayList<>();
        Set<String> inputs = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0 && (n <= 0 || matches.size() < n); i--) {
            Entry e = entries.get(i);
            if (pattern.matcher(e.input()).matches() && (!unique || inputs.add(e.input()))) {
                matches.add(0, e);
            }
        }
        return matches;
    }

    static JsonArray toJson(List<Entry> entries, boolean withOutput) {
        JsonArray history = new JsonArray();
        for (Entry e : entries) {
            JsonArray item = new JsonArray();
            item.add(e.session());
            item.add(e.line());
            if (withOutput) {
                JsonArray io = new JsonArray();
                io.add(e.input());
                io.add(e.output());
                item.add(io);
            } else {
                item.add(e.input());
            }
            history.add(item);
        }
        return history;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static Entry parse(String line) {
        try {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            return new Entry(o.get("session").getAsInt(), o.get("line").getAsInt(), o.get("input").getAsString(),
                    o.has("output") && !o.get("output").isJsonNull() ? o.get("output").getAsString() : null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
