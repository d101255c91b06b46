package workbook.kernel;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.Exclusion;
import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves Maven coordinates and POM dependencies to jar files, transitive dependencies included,
 * with Maven Resolver (the library inside Maven): from the local repository and, when the network
 * answers, from Maven Central and the POM's own repositories. Never hangs: Central is probed first
 * and resolution runs offline when it does not answer; every download has a connect and request timeout.
 */
final class MavenDependencies {

    static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();
    static final String COORDINATE_FORMAT = "GROUP:ARTIFACT:VERSION (or GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION)";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Path localRepository;
    private final BooleanSupplier online;
    private RepositorySystem system;

    MavenDependencies(Path localRepository, BooleanSupplier online) {
        this.localRepository = localRepository;
        this.online = online;
    }

    /** The user's local repository ({@code -Dmaven.repo.local} or ~/.m2/repository), online when Central answers. */
    static MavenDependencies forUser() {
        String configured = System.getProperty("maven.repo.local");
        Path local = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        boolean forcedOffline = "true".equals(System.getProperty("workbook.offline"))
                || "1".equals(System.getenv("WORKBOOK_OFFLINE"));
        return new MavenDependencies(local, forcedOffline ? () -> false : MavenDependencies::centralAnswers);
    }

    /** Parses {@code GROUP:ARTIFACT:VERSION} and its longer forms; a one-line error names what came. */
    static Artifact parseCoordinate(String coordinate) {
        String[] parts = coordinate.split(":", -1);
        boolean blankPart = List.of(parts).stream().anyMatch(String::isBlank);
        if (parts.length < 3 || parts.length > 5 || blankPart) {
            throw new IllegalArgumentException("expected " + COORDINATE_FORMAT
                    + ", e.g. org.apache.commons:commons-lang3:3.14.0; got '" + coordinate + "'");
        }
        return new DefaultArtifact(coordinate);
    }

    /** The jars of these coordinates and of everything they depend on at runtime. */
    List<Path> resolve(List<String> coordinates) {
        List<org.eclipse.aether.graph.Dependency> roots = new ArrayList<>();
        for (String coordinate : coordinates) {
            roots.add(new org.eclipse.aether.graph.Dependency(parseCoordinate(coordinate), JavaScopes.RUNTIME));
        }
        return resolve(roots, List.of());
    }

    /**
     * The jars of a POM's dependencies (compile and runtime scope) and theirs. The cell may hold a whole
     * {@code <project>}, or only {@code <dependencies>} or one {@code <dependency>}.
     */
    List<Path> resolvePom(String xml) {
        Model pom = parsePom(xml);
        List<org.eclipse.aether.graph.Dependency> roots = new ArrayList<>();
        for (Dependency declared : pom.getDependencies()) {
            String scope = declared.getScope() == null ? JavaScopes.COMPILE : declared.getScope();
            if (!scope.equals(JavaScopes.COMPILE) && !scope.equals(JavaScopes.RUNTIME)) {
                continue;
            }
            String version = interpolate(declared.getVersion(), pom, declared);
            List<org.eclipse.aether.graph.Exclusion> exclusions = new ArrayList<>();
            for (Exclusion e : declared.getExclusions()) {
                exclusions.add(new org.eclipse.aether.graph.Exclusion(e.getGroupId(), e.getArtifactId(), "*", "*"));
            }
            Artifact artifact = new DefaultArtifact(declared.getGroupId(), declared.getArtifactId(),
                    declared.getClassifier(), declared.getType() == null ? "jar" : declared.getType(), version);
            roots.add(new org.eclipse.aether.graph.Dependency(artifact, scope, false, exclusions));
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("expected at least one <dependency> with compile or runtime scope; the POM has none");
        }
        List<RemoteRepository> extra = new ArrayList<>();
        for (Repository repository : pom.getRepositories()) {
            String url = String.valueOf(repository.getUrl());
            if (!url.startsWith("https://") && !url.startsWith("file:")) {
                // as Maven 3.8.1+ does: a jar fetched over plain http could be swapped on the way onto the classpath
                throw new IllegalArgumentException("expected an https:// (or file:) repository URL; the POM's repository '"
                        + repository.getId() + "' has " + url);
            }
            extra.add(new RemoteRepository.Builder(repository.getId(), "default", repository.getUrl()).build());
        }
        return resolve(roots, extra);
    }

    static Model parsePom(String xml) {
        String text = xml.strip();
        String root = text.replaceFirst("(?s)^(<\\?xml.*?\\?>\\s*)?(<!--.*?-->\\s*)*", "");
        if (root.startsWith("<dependency>") || root.startsWith("<dependency ")) {
            text = "<dependencies>" + root + "</dependencies>";
            root = text;
        }
        if (root.startsWith("<dependencies")) {
            text = "<project><modelVersion>4.0.0</modelVersion>" + root + "</project>";
        }
        try {
            return new MavenXpp3Reader().read(new StringReader(text), true);
        } catch (XmlPullParserException | IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("").strip();
            throw new IllegalArgumentException("expected a POM (<project>), <dependencies> or <dependency> in the cell; "
                    + "it does not parse: " + reason);
        }
    }

    /** Replaces {@code ${name}} with the POM's {@code <properties>}, as Maven does for versions. */
    private static String interpolate(String value, Model pom, Dependency declared) {
        String where = declared.getGroupId() + ":" + declared.getArtifactId();
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("expected a <version> for " + where + "; it has none");
        }
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = pom.getProperties().getProperty(m.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException("the version of " + where + " uses ${" + m.group(1)
                        + "}, expected a property of that name in <properties>; there is none");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private List<Path> resolve(List<org.eclipse.aether.graph.Dependency> roots, List<RemoteRepository> extra) {
        boolean offline = !online.getAsBoolean();
        List<RemoteRepository> remotes = new ArrayList<>(List.of(CENTRAL));
        remotes.addAll(extra);
        String lookedIn = "the local repository " + localRepository
                + (offline ? " (offline: Maven Central did not answer, so only there)"
                           : " and " + String.join(", ", remotes.stream().map(RemoteRepository::getUrl).toList()));
        try (RepositorySystemSession.CloseableSession session = newSession(offline)) {
            CollectRequest collect = new CollectRequest(roots, null, remotes);
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system().resolveDependencies(session, request).getArtifactResults()) {
                jars.add(result.getArtifact().getPath());
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new IllegalArgumentException("cannot resolve " + missing(e, roots) + "; looked in " + lookedIn);
        }
    }

    /** The artifact that failed (a transitive one may be the culprit), else the requested coordinates. */
    private static String missing(Throwable e, List<org.eclipse.aether.graph.Dependency> roots) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArtifactTransferException transfer && transfer.getArtifact() != null) {
                return transfer.getArtifact() + (t instanceof ArtifactNotFoundException ? "" : " (" + firstLine(t) + ")");
            }
        }
        if (e instanceof DependencyResolutionException dre && dre.getResult() != null) {
            for (ArtifactResult result : dre.getResult().getArtifactResults()) {
                if (!result.isResolved()) {
                    return result.getRequest().getArtifact().toString();
                }
            }
        }
        return String.join(", ", roots.stream().map(d -> d.getArtifact().toString()).toList()) + " (" + firstLine(e) + ")";
    }

    private static String firstLine(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
    }

    private RepositorySystemSession.CloseableSession newSession(boolean offline) {
        return new SessionBuilderSupplier(system()).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setOffline(offline)
                .setConfigProperties(Map.of(
                        "aether.connector.connectTimeout", "3000",
                        "aether.connector.requestTimeout", "6000",
                        "aether.transport.http.retryHandler.count", "0"))
                .build();
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    /** True when Maven Central accepts a connection within 2 s (DNS included); an unreachable network means offline. */
    static boolean centralAnswers() {
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("repo.maven.apache.org", 443), 2000);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            return probe.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
