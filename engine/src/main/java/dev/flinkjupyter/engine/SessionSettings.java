package dev.flinkjupyter.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.TableConfig;

/**
 * The Flink settings a notebook changed ({@code SET 'k' = 'v'}, {@code %flink set}, {@code %flink
 * parallelism}), applied to every environment of the engine, {@code env} and both table environments,
 * so that their later jobs use them; {@link #reset()} restores the engine's defaults.
 */
final class SessionSettings {
    private final Configuration defaults;
    private final Map<String, String> changed = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<StreamExecutionEnvironment> environments = new CopyOnWriteArrayList<>();
    private final List<TableConfig> tableConfigs = new CopyOnWriteArrayList<>();

    /** @param defaults the configuration every environment of the engine starts from */
    SessionSettings(Configuration defaults) {
        this.defaults = defaults;
    }

    /** Applies the settings changed so far to an environment, and later changes too. */
    void attach(StreamExecutionEnvironment environment) {
        environments.add(environment);
        if (!changed.isEmpty()) {
            environment.configure(Configuration.fromMap(changed()));
        }
    }

    /** Applies the settings changed so far to a table environment's configuration, and later changes too. */
    void attach(TableConfig tableConfig) {
        tableConfigs.add(tableConfig);
        changed().forEach(tableConfig::set);
    }

    /**
     * Sets one Flink option for the later jobs of every environment.
     *
     * @throws IllegalArgumentException if the key is blank or Flink cannot read the value (e.g. a
     *     parallelism that is not a number)
     */
    void set(String key, String value) {
        String name = key == null ? "" : key.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A setting needs a key: KEY=VALUE");
        }
        Configuration one = Configuration.fromMap(Map.of(name, value));
        if (name.equals(CoreOptions.DEFAULT_PARALLELISM.key())) {
            int parallelism = one.get(CoreOptions.DEFAULT_PARALLELISM); // fails on a bad number
            if (parallelism < 1 && parallelism != -1) {
                throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
            }
        }
        for (StreamExecutionEnvironment environment : environments) {
            environment.configure(one); // Flink parses the options it knows here, and says which value is bad
        }
        for (TableConfig tableConfig : tableConfigs) {
            tableConfig.set(name, value);
        }
        changed.put(name, value);
    }

    /** Forgets every changed setting: the environments go back to the engine's defaults. */
    void reset() {
        for (String key : changed().keySet()) {
            reset(key);
        }
    }

    /** Forgets one changed setting: the environments go back to the engine's default for it. */
    void reset(String key) {
        changed.remove(key);
        for (TableConfig tableConfig : tableConfigs) {
            tableConfig.getConfiguration().removeKey(key);
        }
        for (StreamExecutionEnvironment environment : environments) {
            if (environment.getConfiguration() instanceof Configuration configuration) {
                configuration.removeKey(key);
            }
            // Options that an environment also keeps in fields (the parallelism) are set back from the defaults.
            environment.configure(defaults);
        }
    }

    /** The settings changed since the start or the last reset, in the order they were set. */
    Map<String, String> changed() {
        synchronized (changed) {
            return new LinkedHashMap<>(changed);
        }
    }

    /** The default parallelism of later jobs. */
    int parallelism() {
        String value = changed().get(CoreOptions.DEFAULT_PARALLELISM.key());
        return value != null
                ? Configuration.fromMap(Map.of(CoreOptions.DEFAULT_PARALLELISM.key(), value)).get(CoreOptions.DEFAULT_PARALLELISM)
                : defaults.get(CoreOptions.DEFAULT_PARALLELISM);
    }
}
