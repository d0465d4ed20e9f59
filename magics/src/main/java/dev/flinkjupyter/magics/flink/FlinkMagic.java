package dev.flinkjupyter.magics.flink;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.Markdown;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.engine.EngineStatus;
import dev.flinkjupyter.engine.FlinkEngine;
import dev.flinkjupyter.engine.JobInfo;
import dev.flinkjupyter.engine.SqlMode;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code %flink status|mode auto|batch|streaming|parallelism N|set KEY=VALUE...|reset}: the engine.
 * Settings apply to the later jobs of {@code env}, {@code tEnv} and SQL cells.
 */
@Command(name = "flink", description = "The Flink engine: status, mode auto|batch|streaming, parallelism N,"
        + " set KEY=VALUE (Flink options, and display.max-rows), reset.")
public final class FlinkMagic implements LineMagic {
    /** The setting of the row limit of displayed tables, which is the display's, not Flink's. */
    static final String MAX_ROWS = "display.max-rows";

    /** What {@code %flink} does. */
    enum Action { status, mode, parallelism, set, reset }

    @Parameters(index = "0", defaultValue = "status", paramLabel = "ACTION",
            description = "One of: ${COMPLETION-CANDIDATES} (default: status).")
    Action action;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARG",
            description = "mode: auto, batch or streaming; parallelism: N; set: KEY=VALUE ...")
    List<String> arguments = new ArrayList<>();

    @Override
    public Object run(Session session) {
        FlinkEngine engine = session.engine();
        return switch (action) {
            case status -> status(engine.status());
            case mode -> {
                SqlMode mode = mode(one("mode auto|batch|streaming"));
                engine.sql().mode(mode);
                yield "SQL mode: " + mode;
            }
            case parallelism -> {
                int parallelism = parallelism(one("parallelism N"));
                try {
                    engine.setParallelism(parallelism);
                } catch (IllegalArgumentException e) {
                    throw new MagicException("%flink parallelism: " + e.getMessage());
                }
                yield "parallelism: " + parallelism;
            }
            case set -> set(engine);
            case reset -> {
                none();
                engine.reset();
                Display.renderers().setMaxRows(Renderers.DEFAULT_MAX_ROWS);
                yield "settings reset: SQL mode auto, parallelism " + engine.status().parallelism()
                        + ", " + MAX_ROWS + " " + Renderers.DEFAULT_MAX_ROWS;
            }
        };
    }

    private String set(FlinkEngine engine) {
        if (arguments.isEmpty()) {
            throw new MagicException("%flink set needs KEY=VALUE, e.g. %flink set pipeline.auto-watermark-interval=50ms");
        }
        List<String> done = new ArrayList<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                throw new MagicException("%flink set " + argument + ": expected KEY=VALUE");
            }
            String key = argument.substring(0, equals).strip();
            String value = argument.substring(equals + 1).strip();
            try {
                if (key.equals(MAX_ROWS)) {
                    Display.renderers().setMaxRows(parallelism(value));
                } else {
                    engine.set(key, value);
                }
            } catch (IllegalArgumentException e) {
                throw new MagicException("%flink set " + argument + ": " + e.getMessage());
            }
            done.add(key + " = " + value);
        }
        return "set: " + String.join(", ", done);
    }

    private static Markdown status(EngineStatus status) {
        StringBuilder out = new StringBuilder();
        out.append("**Flink** mode **").append(status.mode()).append("**, parallelism **")
                .append(status.parallelism()).append("**, task slots **").append(status.taskSlots()).append("**, web UI ")
                .append(status.webUi().map(uri -> "[" + uri + "](" + uri + ")").orElse("(the cluster has not started)"))
                .append("\n\n");
        if (status.runningJobs().isEmpty()) {
            out.append("Running jobs: none\n");
        } else {
            MarkdownTable jobs = new MarkdownTable("running job", "name", "state", "duration");
            for (JobInfo job : status.runningJobs()) {
                jobs.row(job.id(), job.name(), job.state(), JobsMagic.duration(job.duration()));
            }
            out.append(jobs);
        }
        out.append('\n');
        MarkdownTable settings = new MarkdownTable("setting", "value");
        status.settings().forEach(settings::row);
        if (Display.renderers().maxRows() != Renderers.DEFAULT_MAX_ROWS) {
            settings.row(MAX_ROWS, Display.renderers().maxRows());
        }
        out.append(settings.isEmpty() ? "Settings: defaults\n" : settings.toString());
        return new Markdown(out.toString());
    }

    private String one(String usage) {
        if (arguments.size() != 1) {
            throw new MagicException("%flink " + usage + ": expected one argument, got "
                    + (arguments.isEmpty() ? "none" : String.join(" ", arguments)));
        }
        return arguments.get(0);
    }

    private void none() {
        if (!arguments.isEmpty()) {
            throw new MagicException("%flink " + action + " takes no argument, got " + String.join(" ", arguments));
        }
    }

    private static SqlMode mode(String name) {
        try {
            return SqlMode.parse(name);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%flink mode: " + e.getMessage());
        }
    }

    private static int parallelism(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new MagicException("'" + value + "' is not a whole number");
        }
    }
}
