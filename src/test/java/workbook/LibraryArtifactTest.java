package workbook;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library artifact (library/pom.xml) is the library alone, built with the versions of the workbook's own build
 * (pom.xml): the two POMs are kept apart so the kernel's build stays as it is, and this test keeps them equal.
 */
class LibraryArtifactTest {

    private static final Path SOURCES = Path.of("src/main/java/workbook");
    /** The packages that are the workbook's, not the library's. */
    private static final Set<String> NOT_LIBRARY = Set.of("kernel", "check", "bench", "export");

    @Test
    void theLibraryPackagesUseNothingOfTheKernelTheCheckersOrTheBenchmarks() throws IOException {
        // by the package-infos' rules, which LayeringTest holds the code to: what a library package may reach
        Map<String, Set<String>> rules = LayeringTest.rules();
        List<String> found = new ArrayList<>();
        for (String library : libraryPackages()) {
            Set<String> reached = new TreeSet<>();
            List<String> pending = new ArrayList<>(rules.get(library));
            while (!pending.isEmpty()) {
                String next = pending.remove(0);
                if (reached.add(next)) {
                    pending.addAll(rules.getOrDefault(next, Set.of()));
                }
            }
            reached.retainAll(NOT_LIBRARY);
            if (!reached.isEmpty()) {
                found.add("workbook." + library + " may reach " + reached);
            }
        }
        assertEquals(List.of(), found, "the library artifact would not compile without these");
        assertTrue(libraryPackages().containsAll(Set.of("data", "classic", "scratch", "djl", "plot", "io", "display",
                "model")), libraryPackages().toString());
    }

    @Test
    void theLibraryPomCompilesEveryLibraryPackageAndNoOther() throws Exception {
        Set<String> included = new TreeSet<>();
        for (String include : texts(pom("library/pom.xml"), "include")) {
            Matcher m = Pattern.compile("workbook/(\\w+)/\\*\\*").matcher(include);
            if (m.matches()) {
                included.add(m.group(1));
            }
        }
        assertEquals(libraryPackages(), included, "library/pom.xml's compiler includes against src/main/java/workbook/");
    }

    @Test
    void bothPomsUseTheSameVersions() throws Exception {
        Document root = pom("pom.xml");
        Document library = pom("library/pom.xml");
        assertEquals(projectVersion(root), projectVersion(library), "the project's version");
        Map<String, String> rootDependencies = dependencies(root);
        Map<String, String> libraryDependencies = dependencies(library);
        for (Map.Entry<String, String> dependency : libraryDependencies.entrySet()) {
            assertEquals(dependency.getValue(), rootDependencies.get(dependency.getKey()),
                    dependency.getKey() + ": library/pom.xml and pom.xml disagree");
        }
        Map<String, String> rootPlugins = plugins(root);
        for (Map.Entry<String, String> plugin : plugins(library).entrySet()) {
            assertEquals(plugin.getValue(), rootPlugins.get(plugin.getKey()), plugin.getKey() + ": plugin versions disagree");
        }
        assertEquals(nativeClassifiers(root), nativeClassifiers(library), "the OS profiles choosing native PyTorch");
        assertEquals(property(root, "pytorch.native.classifier"), property(library, "pytorch.native.classifier"));
    }

    @Test
    void theLibraryBringsNoLoggingBindingNorAnyOfTheKernelsDependencies() throws Exception {
        Set<String> artifacts = new TreeSet<>();
        dependencies(pom("library/pom.xml")).keySet().forEach(key -> artifacts.add(key.split(":")[1]));
        for (String kernelOnly : List.of("slf4j-simple", "jjava-jupyter", "maven-resolver-supplier-mvn3", "asm", "junit-jupiter")) {
            assertFalse(artifacts.contains(kernelOnly), kernelOnly + " in the library's dependencies: " + artifacts);
        }
        assertTrue(artifacts.containsAll(List.of("api", "pytorch-engine", "pytorch-jni", "pytorch-native-cpu",
                "tablesaw-core", "tablesaw-jsplot", "commons-math3")), artifacts.toString());
    }

    private static Set<String> libraryPackages() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> entries = Files.list(SOURCES)) {
            entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !NOT_LIBRARY.contains(name)).forEach(packages::add);
        }
        return packages;
    }

    private static Document pom(String path) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of(path).toFile());
    }

    private static List<String> texts(Document pom, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().strip());
        }
        return out;
    }

    private static String projectVersion(Document pom) {
        return child(pom.getDocumentElement(), "version");
    }

    /** groupId:artifactId[:classifier] to version, properties resolved, profiles' dependencies included. */
    private static Map<String, String> dependencies(Document pom) {
        Map<String, String> out = new TreeMap<>();
        NodeList nodes = pom.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            String key = child(dependency, "groupId") + ":" + resolve(pom, child(dependency, "artifactId"));
            out.put(key, resolve(pom, child(dependency, "version")));
        }
        return out;
    }

    private static Map<String, String> plugins(Document pom) {
        Map<String, String> out = new TreeMap<>();
        NodeList nodes = pom.getElementsByTagName("plugin");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element plugin = (Element) nodes.item(i);
            out.put(child(plugin, "artifactId"), child(plugin, "version"));
        }
        return out;
    }

    /** Each OS-activated profile's id and the classifier it sets. */
    private static Map<String, String> nativeClassifiers(Document pom) {
        Map<String, String> out = new TreeMap<>();
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (profile.getElementsByTagName("os").getLength() > 0) {
                NodeList classifier = profile.getElementsByTagName("pytorch.native.classifier");
                Element os = (Element) profile.getElementsByTagName("os").item(0);
                out.put(child(profile, "id"), os.getTextContent().replaceAll("\\s+", "") + " -> "
                        + classifier.item(0).getTextContent().strip());
            }
        }
        return out;
    }

    private static String property(Document pom, String name) {
        Element properties = (Element) pom.getDocumentElement().getElementsByTagName("properties").item(0);
        return child(properties, name);
    }

    private static String resolve(Document pom, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(property(pom, m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static String child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
