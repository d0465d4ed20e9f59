package dev.flinkjupyter.magics;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The magics a kernel knows, by name: the built-in ones and those libraries add through
 * {@link MagicProvider}. Parses a call's options with picocli and runs it.
 */
public final class Magics {
    private static final Pattern NAME_AT_CURSOR = Pattern.compile("^(\\s*)(%%?)([\\w-]*)$");
    private static final Pattern OPTION_AT_CURSOR = Pattern.compile("^\\s*(%%?)([\\w-]+)\\s.*?(-{1,2}[\\w-]*)$");

    private final Map<String, Class<?>> lineMagics = new TreeMap<>();
    private final Map<String, Class<?>> cellMagics = new TreeMap<>();

    private Magics() {
    }

    /** The built-in magics plus those of every {@link MagicProvider} on the class path. */
    public static Magics load() {
        Magics magics = new Magics();
        BuiltinMagics.CLASSES.forEach(magics::add);
        for (MagicProvider provider : ServiceLoader.load(MagicProvider.class)) {
            provider.magics().forEach(magics::add);
        }
        return magics;
    }

    /** Adds (or replaces) a magic class: a picocli {@code @Command} implementing a magic interface. */
    public void add(Class<?> type) {
        CommandLine.Command command = type.getAnnotation(CommandLine.Command.class);
        if (command == null || command.name().isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " is not a named picocli @Command");
        }
        boolean line = LineMagic.class.isAssignableFrom(type) || CodeMagic.class.isAssignableFrom(type);
        boolean cell = CellMagic.class.isAssignableFrom(type);
        if (!line && !cell) {
            throw new IllegalArgumentException(type.getName() + " implements no magic interface");
        }
        if (line) {
            lineMagics.put(command.name(), type);
        }
        if (cell) {
            cellMagics.put(command.name(), type);
        }
    }

    public Collection<String> lineNames() {
        return lineMagics.keySet();
    }

    public Collection<String> cellNames() {
        return cellMagics.keySet();
    }

    /** One line per magic: how it is written and what it does. */
    public List<Summary> summaries() {
        List<Summary> out = new ArrayList<>();
        lineMagics.forEach((name, type) -> out.add(new Summary("%" + name, description(type))));
        cellMagics.forEach((name, type) -> out.add(new Summary("%%" + name, description(type))));
        return out;
    }

    /** A magic as {@code %lsmagic} lists it. */
    public record Summary(String magic, String description) {
    }

    /** The usage of {@code %name} (or {@code %%name} when {@code cell}), as {@code --help} prints it. */
    public String usage(String name, boolean cell) {
        return commandLine(newInstance(find(name, cell)), name, cell).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** Whether {@code name} is a magic of that kind. */
    public boolean has(String name, boolean cell) {
        return (cell ? cellMagics : lineMagics).containsKey(name);
    }

    /**
     * Runs a call: substitutes {@code ${var}} in its arguments, parses them, runs the magic.
     *
     * @return what the cell should display, or null
     * @throws MagicException for an unknown magic, or a user error the magic reports
     * @throws UsageException for options the magic does not take
     */
    public Object run(Session session, MagicCall call) throws Exception {
        Class<?> type = find(call.name(), call.cell());
        Object magic = newInstance(type);
        if (!call.cell() && magic instanceof CodeMagic code && !isHelp(call.arguments())) {
            return code.run(session, call.arguments());
        }
        CommandLine commandLine = commandLine(magic, call.name(), call.cell());
        List<String> words = ArgumentLine.split(VariableSubstitution.apply(call.arguments(), session));
        try {
            commandLine.parseArgs(words.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(call.display() + ": " + e.getMessage(),
                    commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        if (commandLine.isUsageHelpRequested()) {
            System.out.print(commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF));
            return null;
        }
        if (call.cell()) {
            return ((CellMagic) magic).run(session, call.body());
        }
        return ((LineMagic) magic).run(session);
    }

    /**
     * Completes a magic's name, or one of its options, at the end of {@code lineBeforeCursor} (the
     * cell's current line up to the cursor). Empty when the line is not a magic's.
     */
    public MagicCompletions complete(String lineBeforeCursor) {
        Matcher name = NAME_AT_CURSOR.matcher(lineBeforeCursor);
        if (name.matches()) {
            boolean cell = name.group(2).equals("%%");
            String prefix = name.group(3);
            List<String> matches = new ArrayList<>();
            for (String candidate : (cell ? cellMagics : lineMagics).keySet()) {
                if (candidate.startsWith(prefix)) {
                    matches.add(name.group(2) + candidate);
                }
            }
            return new MagicCompletions(matches, name.group(1).length());
        }
        Matcher option = OPTION_AT_CURSOR.matcher(lineBeforeCursor);
        if (option.matches()) {
            boolean cell = option.group(1).equals("%%");
            String magicName = option.group(2);
            if (!has(magicName, cell)) {
                return new MagicCompletions(List.of(), lineBeforeCursor.length());
            }
            String prefix = option.group(3);
            CommandSpec spec = commandLine(newInstance(find(magicName, cell)), magicName, cell).getCommandSpec();
            List<String> matches = new ArrayList<>();
            for (OptionSpec o : spec.options()) {
                for (String n : o.names()) {
                    if (n.startsWith(prefix) && n.startsWith("--") == prefix.startsWith("--")) {
                        matches.add(n);
                    }
                }
            }
            matches.sort(null);
            return new MagicCompletions(matches, lineBeforeCursor.length() - prefix.length());
        }
        return new MagicCompletions(List.of(), lineBeforeCursor.length());
    }

    private Class<?> find(String name, boolean cell) {
        Class<?> type = (cell ? cellMagics : lineMagics).get(name);
        if (type == null) {
            String kind = cell ? "%%" : "%";
            StringBuilder message = new StringBuilder("unknown magic " + kind + name);
            if ((cell ? lineMagics : cellMagics).containsKey(name)) {
                message.append(" (there is ").append(cell ? "%" : "%%").append(name).append(")");
            }
            message.append("; ").append(cell ? "cell" : "line").append(" magics: ")
                    .append(String.join(", ", (cell ? cellMagics : lineMagics).keySet().stream().map(n -> kind + n).toList()))
                    .append(" (%lsmagic lists them all)");
            throw new MagicException(message.toString());
        }
        return type;
    }

    private static CommandLine commandLine(Object magic, String name, boolean cell) {
        CommandLine commandLine = new CommandLine(magic);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        CommandSpec spec = commandLine.getCommandSpec();
        spec.name((cell ? "%%" : "%") + name);
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Shows this help.").build());
        }
        return commandLine;
    }

    private static Object newInstance(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create magic " + type.getName() + ": " + e, e);
        }
    }

    private static String description(Class<?> type) {
        String[] lines = type.getAnnotation(CommandLine.Command.class).description();
        if (lines.length == 0) {
            return "";
        }
        try {
            // picocli formats descriptions: a % is written %% in them.
            return String.format(java.util.Locale.ROOT, lines[0]);
        } catch (java.util.IllegalFormatException e) {
            return lines[0];
        }
    }

    private static boolean isHelp(String arguments) {
        String a = arguments.strip();
        return a.equals("--help") || a.equals("-h");
    }
}
