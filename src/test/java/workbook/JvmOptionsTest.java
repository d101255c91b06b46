package workbook;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM options of everything that runs notebook code have one home, src/main/jvm/notebook-jvm.options: the unit
 * tests get it as a java argument file (pom.xml's surefire argLine), the launcher reads its lines for the kernel, its
 * class-data archive, the bench and the exported programs. Neither sets an option of the file on its own.
 */
class JvmOptionsTest {

    static final Path OPTIONS_FILE = Path.of("src/main/jvm/notebook-jvm.options");
    private static final String ARG_LINE = "@" + OPTIONS_FILE;

    @Test
    void theFileHoldsPlainOptionsOneALine() throws IOException {
        List<String> options = options();
        assertFalse(options.isEmpty());
        for (String option : options) {
            assertTrue(option.matches("-[^\\s\"'#\\\\]+"),
                    "one option a line, no spaces, quotes or escapes: " + option);
        }
    }

    @Test
    void theTestsRunWithTheFilesOptions() throws IOException {
        List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(Collections.indexOfSubList(running, options()) >= 0, "this JVM runs with " + running);
    }

    @Test
    void thePomHandsTheFileToSurefireAndSetsNoOptionOfItsOwn() throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement();
        assertEquals(1, root.getElementsByTagName("argLine").getLength(), "one argLine");
        assertEquals(ARG_LINE, root.getElementsByTagName("argLine").item(0).getTextContent().strip());
        assertEquals(0, root.getElementsByTagName("systemPropertyVariables").getLength(),
                "system properties for the tests belong in " + OPTIONS_FILE);
    }

    @Test
    void theLauncherReadsTheSameOptionsAndNamesNoneOfItsOwn() throws Exception {
        Process launcher = new ProcessBuilder("bash", "workbook", "jvm-options").redirectErrorStream(true).start();
        String printed = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, launcher.exitValue(), printed);
        assertEquals(options(), printed.lines().toList(), "./workbook jvm-options against " + OPTIONS_FILE);

        String script = Files.readString(Path.of("workbook"));
        for (String option : options()) {
            String name = optionName(option);
            assertFalse(script.contains(name), "the launcher names " + name + " itself: read it from "
                    + OPTIONS_FILE + " instead");
        }
    }

    @Test
    void anOptionsNameIsWhatASecondDefinitionWouldRepeat() {
        assertEquals(List.of("UseSerialGC", "LoopUnrollLimit", "Xss", "ai.djl.offline"),
                List.of("-XX:+UseSerialGC", "-XX:LoopUnrollLimit=120", "-Xss8m", "-Dai.djl.offline=true").stream()
                        .map(JvmOptionsTest::optionName).toList());
    }

    /** What names an option whatever its value: UseSerialGC, LoopUnrollLimit, Xss, ai.djl.offline. */
    static String optionName(String option) {
        return option.replaceFirst("^-XX:[+-]?", "").replaceFirst("^-D", "").replaceFirst("^-(Xss|Xmx|Xms).*", "$1")
                .split("=", 2)[0];
    }

    /** The file's options as the java launcher reads an argument file: '#' to the end of a line is a comment. */
    static List<String> options() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(OPTIONS_FILE)) {
            String option = line.replaceFirst("#.*", "").strip();
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        return options;
    }
}
