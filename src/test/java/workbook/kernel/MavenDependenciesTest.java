package workbook.kernel;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs offline against the build's own local repository: commons-text 1.12.0 and commons-lang3 3.14.0 are there. */
class MavenDependenciesTest {

    private static final Path LOCAL = Path.of(System.getProperty("user.home"), ".m2", "repository");
    private final MavenDependencies offline = new MavenDependencies(LOCAL, () -> false);

    private static List<String> names(List<Path> jars) {
        return jars.stream().map(p -> p.getFileName().toString()).sorted().toList();
    }

    @Test
    void coordinateResolvesWithItsTransitiveDependenciesFromTheLocalRepositoryQuickly() {
        long start = System.nanoTime();
        List<Path> jars = offline.resolve(List.of("org.apache.commons:commons-text:1.12.0"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(List.of("commons-lang3-3.14.0.jar", "commons-text-1.12.0.jar"), names(jars));
        jars.forEach(jar -> assertTrue(Files.isRegularFile(jar), jar + " exists"));
        assertTrue(seconds < 3, "took " + seconds + " s");
    }

    @Test
    void missingArtifactFailsFastNamingTheCoordinateAndWhereItLooked() {
        long start = System.nanoTime();
        var e = assertThrows(IllegalArgumentException.class,
                () -> offline.resolve(List.of("org.example.nowhere:no-such-lib:9.9.9")));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(e.getMessage().contains("org.example.nowhere:no-such-lib:jar:9.9.9"), e.getMessage());
        assertTrue(e.getMessage().contains(LOCAL.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(seconds < 10, "took " + seconds + " s");
    }

    @Test
    void malformedCoordinatesNameWhatCameAndWhatWasExpected() {
        for (String bad : List.of("commons-lang3", "org.apache.commons:commons-lang3", "a::1", "a:b:c:d:e:f")) {
            var e = assertThrows(IllegalArgumentException.class, () -> MavenDependencies.parseCoordinate(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("GROUP:ARTIFACT:VERSION"),
                    e.getMessage());
        }
        assertEquals("tests", MavenDependencies.parseCoordinate("g:a:jar:tests:1.0").getClassifier());
    }

    @Test
    void aPomRepositoryOverPlainHttpIsRefusedNamingIt() {
        String pom = """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>me</groupId><artifactId>mine</artifactId><version>1</version>
                  <repositories><repository><id>old-mirror</id><url>http://repo.example.org/maven2</url></repository></repositories>
                  <dependencies>
                    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>3.14.0</version></dependency>
                  </dependencies>
                </project>""";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> offline.resolvePom(pom));
        assertEquals("expected an https:// (or file:) repository URL; the POM's repository 'old-mirror' has "
                + "http://repo.example.org/maven2", e.getMessage());
    }

    @Test
    void dependenciesFragmentWithPropertiesAndAWholePomResolve() {
        String fragment = """
                <dependencies>
                  <dependency>
                    <groupId>org.apache.commons</groupId>
                    <artifactId>commons-lang3</artifactId>
                    <version>3.14.0</version>
                  </dependency>
                  <dependency>
                    <groupId>org.junit.jupiter</groupId>
                    <artifactId>junit-jupiter</artifactId>
                    <version>5.14.1</version>
                    <scope>test</scope>
                  </dependency>
                </dependencies>""";
        assertEquals(List.of("commons-lang3-3.14.0.jar"), names(offline.resolvePom(fragment)));
        String pom = """
                <?xml version="1.0"?>
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>me</groupId><artifactId>mine</artifactId><version>1</version>
                  <properties><text.version>1.12.0</text.version></properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.commons</groupId>
                      <artifactId>commons-text</artifactId>
                      <version>${text.version}</version>
                      <exclusions><exclusion><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId></exclusion></exclusions>
                    </dependency>
                  </dependencies>
                </project>""";
        assertEquals(List.of("commons-text-1.12.0.jar"), names(offline.resolvePom(pom)));
    }

    @Test
    void pomThatDoesNotParseOrLacksAVersionGivesOneLine() {
        var notXml = assertThrows(IllegalArgumentException.class, () -> offline.resolvePom("<dependencies><dependency>"));
        assertTrue(notXml.getMessage().startsWith("expected a POM (<project>), <dependencies> or <dependency>"), notXml.getMessage());
        assertEquals(1, notXml.getMessage().lines().count());
        var noVersion = assertThrows(IllegalArgumentException.class, () -> offline.resolvePom(
                "<dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>"));
        assertEquals("expected a <version> for g:a; it has none", noVersion.getMessage());
        var noProperty = assertThrows(IllegalArgumentException.class, () -> offline.resolvePom(
                "<dependency><groupId>g</groupId><artifactId>a</artifactId><version>${v}</version></dependency>"));
        assertTrue(noProperty.getMessage().contains("${v}"), noProperty.getMessage());
    }
}
