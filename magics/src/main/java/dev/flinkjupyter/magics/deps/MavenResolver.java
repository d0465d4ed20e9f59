package dev.flinkjupyter.magics.deps;

import dev.flinkjupyter.magics.MagicException;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.TransferListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves Maven coordinates to jars with Maven's own resolver, wired as Maven 3 wires it:
 * transitively, runtime scope, nearest version wins, the local repository first, then the remote
 * ones. What the kernel already has is left out together with its own dependencies, which the
 * kernel has too.
 */
final class MavenResolver {
    /** Maven Central, the repository every resolution uses. */
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
    private static final Set<String> NOT_AT_RUN_TIME = Set.of("test", "provided", "system");

    /**
     * The HTTP client logs retries at INFO through commons-logging, i.e. java.util.logging; JUL
     * keeps loggers weakly, so the quieted one is held here.
     */
    private static final java.util.logging.Logger HTTP_LOG = java.util.logging.Logger.getLogger("org.apache.http");

    static {
        // The resolver logs through slf4j; the cell shows its outcome instead of its log.
        for (String logger : List.of("org.eclipse.aether", "org.apache.maven", "org.apache.http")) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "error");
            }
        }
        if (HTTP_LOG.getLevel() == null) {
            HTTP_LOG.setLevel(java.util.logging.Level.SEVERE);
        }
    }

    private static RepositorySystem system;

    /** What to resolve and where from. */
    record Request(List<String> coordinates, List<String> repositories, List<String> excludes, boolean offline,
            Path localRepository) {
    }

    /**
     * One library of the outcome.
     *
     * @param artifact {@code groupId:artifactId}, with the classifier when it has one
     * @param jar      the file to add; null when nothing is to be added
     * @param status   {@code added}, or why it is not added
     * @param wanted   the newer version the graph asked for, when the kernel keeps an older one; else null
     */
    record Resolved(String artifact, String version, Path jar, long bytes, String status, String wanted) {
        boolean toAdd() {
            return jar != null;
        }
    }

    private final Request request;
    private final KernelArtifacts kernel;

    MavenResolver(Request request, KernelArtifacts kernel) {
        this.request = request;
        this.kernel = kernel;
    }

    /** The local repository Maven uses: {@code maven.repo.local}, else {@code ~/.m2/repository}. */
    static Path defaultLocalRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The libraries of the request and their dependencies, each with what happens to it. */
    List<Resolved> resolve(TransferListener listener) {
        List<Dependency> roots = new ArrayList<>();
        Map<String, Resolved> outcome = new LinkedHashMap<>();
        List<Exclusion> exclusions = request.excludes().stream().map(MavenResolver::exclusion).toList();
        for (String coordinates : request.coordinates()) {
            Artifact artifact = artifact(coordinates);
            Resolved owned = ownedByKernel(artifact);
            if (owned != null) {
                outcome.put(key(artifact), owned);
            } else {
                roots.add(new Dependency(artifact, "runtime", false, exclusions));
            }
        }
        if (roots.isEmpty()) {
            return List.copyOf(outcome.values());
        }
        RepositorySystem system = system();
        try (CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(request.localRepository())
                .setOffline(request.offline())
                .setTransferListener(listener)
                .build()) {
            List<RemoteRepository> repositories = system.newResolutionRepositories(session, remoteRepositories());
            DependencyNode root;
            try {
                root = system.collectDependencies(session, new CollectRequest(roots, null, repositories)).getRoot();
            } catch (DependencyCollectionException e) {
                throw new MagicException("cannot resolve " + String.join(" ", request.coordinates()) + ": "
                        + reason(e) + triedIn(repositories));
            }
            List<ArtifactRequest> wanted = new ArrayList<>();
            collect(root, outcome, wanted);
            List<ArtifactResult> results;
            try {
                results = system.resolveArtifacts(session, wanted);
            } catch (ArtifactResolutionException e) {
                throw new MagicException("cannot download " + String.join(" ", request.coordinates()) + ": "
                        + reason(e) + triedIn(repositories));
            }
            for (ArtifactResult result : results) {
                Artifact artifact = result.getArtifact();
                Path jar = artifact.getPath();
                outcome.put(key(artifact), new Resolved(key(artifact), artifact.getVersion(), jar, size(jar), "added", null));
            }
        }
        return List.copyOf(outcome.values());
    }

    /** Walks the resolved graph; the kernel's libraries end their branch. */
    private void collect(DependencyNode node, Map<String, Resolved> outcome, List<ArtifactRequest> wanted) {
        for (DependencyNode child : node.getChildren()) {
            Dependency dependency = child.getDependency();
            Artifact artifact = child.getArtifact();
            if (dependency == null || artifact == null || NOT_AT_RUN_TIME.contains(dependency.getScope())
                    || outcome.containsKey(key(artifact))) {
                continue;
            }
            Resolved owned = ownedByKernel(artifact);
            if (owned != null) {
                outcome.put(key(artifact), owned);
                continue;
            }
            if ("jar".equals(artifact.getExtension())) {
                // A placeholder keeps the graph's order; the download fills it in.
                outcome.put(key(artifact), new Resolved(key(artifact), artifact.getVersion(), null, 0, "resolving", null));
                wanted.add(new ArtifactRequest(child));
            }
            collect(child, outcome, wanted);
        }
    }

    private Resolved ownedByKernel(Artifact artifact) {
        return kernel.find(artifact.getGroupId(), artifact.getArtifactId())
                .map(has -> {
                    String status = has.addedWhileRunning() ? "added before" : "in the kernel already";
                    boolean older = isOlder(has.version(), artifact.getVersion());
                    if (older) {
                        status = (has.addedWhileRunning() ? "added before" : "in the kernel") + ", older than the "
                                + artifact.getVersion() + " asked for";
                    }
                    return new Resolved(key(artifact), has.version(), null, size(has.jar()), status, older ? artifact.getVersion() : null);
                })
                .orElse(null);
    }

    /** Maven's own ordering of versions: 2.9 before 2.15.1, 1.0-SNAPSHOT before 1.0. */
    static boolean isOlder(String present, String wanted) {
        if (present == null || present.isEmpty() || wanted == null || wanted.isEmpty()) {
            return false;
        }
        return new ComparableVersion(present).compareTo(new ComparableVersion(wanted)) < 0;
    }

    private List<RemoteRepository> remoteRepositories() {
        List<RemoteRepository> repositories = new ArrayList<>();
        repositories.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
        int n = 1;
        for (String url : request.repositories()) {
            if (!url.matches("(?i)(https?|file)://.+")) {
                throw new MagicException("--repo " + url + ": a repository is an http(s):// or file:// URL");
            }
            repositories.add(new RemoteRepository.Builder("repo" + n++, "default", url).build());
        }
        return repositories;
    }

    /** Parses coordinates the way the resolver does, with the forms spelled out when they are wrong. */
    static Artifact artifact(String coordinates) {
        try {
            return new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new MagicException("bad coordinates '" + coordinates + "': write groupId:artifactId:version, "
                    + "groupId:artifactId:packaging:version or groupId:artifactId:packaging:classifier:version "
                    + "(for example org.apache.commons:commons-csv:1.14.1)");
        }
    }

    /** {@code groupId:artifactId} of a library to leave out, {@code *} for any part. */
    static Exclusion exclusion(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new MagicException("--exclude " + text + ": write groupId:artifactId (* for any), "
                    + "for example commons-logging:commons-logging");
        }
        return new Exclusion(parts[0], parts[1], "*", "*");
    }

    private static String key(Artifact artifact) {
        String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
        return artifact.getClassifier().isEmpty() ? key : key + ":" + artifact.getClassifier();
    }

    private String triedIn(List<RemoteRepository> repositories) {
        StringBuilder tried = new StringBuilder("\nlooked in: ").append(request.localRepository()).append(" (local)");
        if (request.offline()) {
            tried.append(" only (--offline)");
        } else {
            repositories.forEach(r -> tried.append(", ").append(r.getId()).append(" (").append(r.getUrl()).append(')'));
        }
        return tried.toString();
    }

    /** The resolver's messages, outermost first, without repeating what a cause already says. */
    private static String reason(Exception e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !reason.toString().contains(message)) {
                if (!reason.isEmpty()) {
                    reason.append("\n  caused by: ");
                }
                reason.append(message);
            }
        }
        return reason.toString();
    }

    private static long size(Path jar) {
        try {
            return jar == null ? 0 : Files.size(jar);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }
}
