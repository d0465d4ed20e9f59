package dev.flinkjupyter.magics.deps;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The libraries the kernel already has, by {@code groupId:artifactId}: the jars of its class path
 * and those {@code %maven} and {@code %jars} added since it started. A library is loaded once per
 * kernel, so a second copy (another Flink, another slf4j) must never be added next to the first.
 */
final class KernelArtifacts {
    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
    /** Jars identified once: the class path does not change under a jar's name. */
    private static final Map<Path, Optional<Artifact>> IDENTIFIED = new ConcurrentHashMap<>();
    /** What this kernel added while it ran, key {@code groupId:artifactId}. */
    private static final Map<String, Artifact> ADDED = new ConcurrentHashMap<>();

    /** A library's identity and where it is. */
    record Artifact(String groupId, String artifactId, String version, Path jar, boolean addedWhileRunning) {
        Artifact(String groupId, String artifactId, String version, Path jar) {
            this(groupId, artifactId, version, jar, false);
        }

        String key() {
            return groupId + ":" + artifactId;
        }
    }

    private static final Pattern NAME_AND_VERSION = Pattern.compile("(.+?)-(\\d[^/]*)\\.jar");

    private final Map<String, Artifact> byKey;
    /** Jars that do not say which library they are, by the artifactId in their file name. */
    private final Map<String, Artifact> byFileName;

    private KernelArtifacts(Map<String, Artifact> byKey, Map<String, Artifact> byFileName) {
        this.byKey = byKey;
        this.byFileName = byFileName;
    }

    /** The libraries on {@code java.class.path} right now, plus those added in this JVM. */
    static KernelArtifacts current() {
        Map<String, Artifact> found = new ConcurrentHashMap<>();
        Map<String, Artifact> byFileName = new ConcurrentHashMap<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                Path jar = Path.of(entry).toAbsolutePath().normalize();
                Optional<Artifact> identity = identify(jar);
                if (identity.isPresent()) {
                    found.putIfAbsent(identity.get().key(), identity.get());
                } else {
                    Matcher name = NAME_AND_VERSION.matcher(jar.getFileName().toString());
                    if (name.matches()) {
                        byFileName.putIfAbsent(name.group(1), new Artifact("", name.group(1), name.group(2), jar));
                    }
                }
            }
        }
        found.putAll(ADDED);
        return new KernelArtifacts(found, byFileName);
    }

    /**
     * The kernel's copy of {@code groupId:artifactId}, if it has one. A jar built without Maven's
     * {@code pom.properties} (picocli's, for one) is known by its file name, {@code artifactId-version.jar}.
     */
    Optional<Artifact> find(String groupId, String artifactId) {
        Artifact found = byKey.get(groupId + ":" + artifactId);
        if (found == null && byFileName.containsKey(artifactId)) {
            Artifact named = byFileName.get(artifactId);
            found = new Artifact(groupId, artifactId, named.version(), named.jar());
        }
        return Optional.ofNullable(found);
    }

    /** Whether this very jar file is on the class path already. */
    boolean contains(Path jar) {
        Path normal = jar.toAbsolutePath().normalize();
        return byKey.values().stream().anyMatch(a -> a.jar().equals(normal));
    }

    /** Records a jar added to the class path, so that later calls skip its library. */
    static void added(Path jar) {
        Path normal = jar.toAbsolutePath().normalize();
        identify(normal).ifPresentOrElse(
                a -> ADDED.put(a.key(), new Artifact(a.groupId(), a.artifactId(), a.version(), normal, true)),
                () -> ADDED.put("file:" + normal, new Artifact("", normal.getFileName().toString(), "", normal, true)));
    }

    /**
     * Which library a jar is, from the {@code pom.properties} Maven writes into it. A jar that bundles
     * others (a shaded jar) holds several: its own is the one its file name starts with, so a
     * relocated copy of Guava inside a Flink jar does not count as Guava.
     */
    static Optional<Artifact> identify(Path jar) {
        return IDENTIFIED.computeIfAbsent(jar, KernelArtifacts::read);
    }

    private static Optional<Artifact> read(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        List<Artifact> candidates = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                Matcher m = POM_PROPERTIES.matcher(entry.getName());
                if (m.matches()) {
                    Properties properties = new Properties();
                    try (InputStream in = file.getInputStream(entry)) {
                        properties.load(in);
                    }
                    candidates.add(new Artifact(properties.getProperty("groupId", m.group(1)),
                            properties.getProperty("artifactId", m.group(2)), properties.getProperty("version", ""), jar));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String name = jar.getFileName().toString();
        Optional<Artifact> named = candidates.stream()
                .filter(a -> name.startsWith(a.artifactId() + "-" + a.version()))
                .findFirst();
        // A snapshot's file name carries a timestamp instead of its version.
        return named.isPresent() ? named
                : candidates.stream().filter(a -> name.startsWith(a.artifactId() + "-")).findFirst();
    }
}
