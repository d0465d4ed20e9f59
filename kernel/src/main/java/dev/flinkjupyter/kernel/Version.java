package dev.flinkjupyter.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions the kernel reports in its banner and kernel_info, written into the jar at build. */
final class Version {
    private static final Properties VERSIONS = load();

    private Version() {
    }

    static String kernel() {
        return VERSIONS.getProperty("kernel", "dev");
    }

    static String flink() {
        return VERSIONS.getProperty("flink", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // versions are informative only
        }
        return p;
    }
}
