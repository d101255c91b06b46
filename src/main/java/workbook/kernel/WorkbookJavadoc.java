package workbook.kernel;

import jdk.jshell.SourceCodeAnalysis;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets Shift+Tab show the workbook's own Javadoc. JShell reads Javadoc from source files only, and looks for
 * them in one place: the JDK's {@code lib/src.zip} ({@code SourceCodeAnalysisImpl.findSources}, JDK 17 to 25).
 * This adds the workbook's sources to that list (the kernel runs with
 * {@code --add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED}); without them, or on a JDK that changed those
 * internals, inspection still shows signatures, only without Javadoc.
 */
final class WorkbookJavadoc {

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|literal|value)\\s+([^}]*)}");
    private static final Pattern LINK_TAG = Pattern.compile("\\{@link(?:plain)?\\s+([^\\s}]+)\\s*([^}]*)}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@[a-zA-Z]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");

    private WorkbookJavadoc() {
    }

    /**
     * The folder (or sources jar) holding the workbook's {@code .java} files: {@code -Dworkbook.sources}, else
     * {@code src/main/java} next to the {@code target/classes} the kernel runs from; null when neither exists.
     */
    static Path sources() {
        String configured = System.getProperty("workbook.sources");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.exists(path) ? path : null;
        }
        try {
            Path classes = Path.of(WorkbookJavadoc.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path project = classes.getParent() == null ? null : classes.getParent().getParent();
            Path source = project == null ? null : project.resolve("src/main/java");
            return source != null && Files.isDirectory(source.resolve("workbook")) ? source : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Adds the workbook's sources to where JShell looks for Javadoc; false when it could not. */
    static boolean attach(SourceCodeAnalysis analysis, Path sources) {
        if (sources == null) {
            return false;
        }
        try {
            Method findSources = analysis.getClass().getDeclaredMethod("findSources");
            findSources.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<Path> jdkSources = (List<Path>) findSources.invoke(analysis);   // src.zip's modules, when there
            List<Path> all = new ArrayList<>(jdkSources);
            all.add(sources);
            Field available = analysis.getClass().getDeclaredField("availableSources");
            available.setAccessible(true);
            available.set(analysis, List.copyOf(all));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not opened (no --add-opens) or another JDK's internals: signatures without Javadoc
            return false;
        }
    }

    /**
     * The first sentence of a Javadoc comment as plain text: inline tags reduced to their text, HTML removed,
     * block tags ({@code @param}, ...) left out, cut after the first '.', '!' or '?' followed by a space.
     */
    static String firstSentence(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        String text = javadoc;
        Matcher block = BLOCK_TAG.matcher(text);
        if (block.find()) {
            text = text.substring(0, block.start());
        }
        // inline tags become escaped text, so that {@code List<String>} survives the removal of HTML tags
        text = INLINE_TAG.matcher(text).replaceAll(m -> Matcher.quoteReplacement(escaped(m.group(1).strip())));
        text = LINK_TAG.matcher(text).replaceAll(m -> Matcher.quoteReplacement(escaped(
                m.group(2).isBlank() ? m.group(1).replace('#', '.') : m.group(2).strip())));
        text = HTML_TAG.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.end()) : text;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
