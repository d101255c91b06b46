package workbook.plot;

import tech.tablesaw.plotly.components.Figure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Writes a figure to a file: a self-contained HTML page with plotly.js inlined (it opens offline, no CDN), or a PNG
 * drawn by a headless Chromium from that page. Behind {@link Plots#save}.
 */
final class FigureFiles {

    private static final String PLOTLY_VERSION = Plots.PLOTLY_VERSION;
    /** The launcher's name for its copy under .workbook/. */
    static final String PLOTLY_FILE = "plotly-" + PLOTLY_VERSION + ".min.js";
    private static final int PNG_SECONDS = 60;

    private FigureFiles() {
    }

    static Path save(Figure figure, Path file, String plotlyJs, String chromium) throws IOException {
        if (figure == null) {
            throw new IllegalArgumentException("no figure to save (null)");
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".html") && !name.endsWith(".htm")) {
            throw new IllegalArgumentException("Plots.save writes .html or .png files, got '" + file.getFileName() + "'");
        }
        String html = page(figure, plotlyJs);
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        if (!png) {
            Files.writeString(absolute, html, StandardCharsets.UTF_8);
            return absolute;
        }
        Path browser = findChromium(chromium);
        Path folder = Files.createTempDirectory("workbook-figure");
        try {
            Path page = folder.resolve("figure.html");
            // the picture shows the figure, not plotly's toolbar
            Files.writeString(page, html.replace("</head>", "<style>.modebar-container { display: none; }</style>\n</head>"),
                    StandardCharsets.UTF_8);
            // drawn in the temporary folder, then moved into place: an old file of that name never passes for a new one
            Path drawn = folder.resolve("figure.png");
            screenshot(browser, page, drawn, size(figure), folder);
            Files.move(drawn, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            deleteTree(folder);
        }
        return absolute;
    }

    /** The page: plotly.js inline in the head, then the figure's div and its drawing script. */
    static String page(Figure figure, String plotlyJs) {
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>figure</title>\n"
                + "<script>" + plotlyJs + "</script>\n</head>\n<body style=\"margin:0\">\n"
                + figure.divString("figure") + "\n" + figure.asJavascript("figure") + "\n</body>\n</html>\n";
    }

    /**
     * plotly.js's text: from {@code -Dworkbook.plotly.js} when given, else the library jar's copy, else the launcher's
     * {@code .workbook/} here or in a folder above (a build of the repository without the library jar).
     */
    static String plotlyJs() throws IOException {
        String property = System.getProperty("workbook.plotly.js");
        List<Object> looked = new ArrayList<>();
        if (property != null && !property.isBlank()) {
            Path given = Path.of(property);
            if (Files.isRegularFile(given)) {
                return Files.readString(given, StandardCharsets.UTF_8);
            }
            looked.add(given);
        } else {
            try (InputStream bundled = FigureFiles.class.getResourceAsStream(PLOTLY_FILE)) {
                if (bundled != null) {
                    return new String(bundled.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            looked.add("the library jar (workbook/plot/" + PLOTLY_FILE + ")");
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(".workbook").resolve(PLOTLY_FILE);
                if (Files.isRegularFile(candidate)) {
                    return Files.readString(candidate, StandardCharsets.UTF_8);
                }
                looked.add(candidate);
                if (looked.size() >= 4) {
                    break;
                }
            }
        }
        throw new IllegalStateException("saving a figure needs plotly.js " + PLOTLY_VERSION + " to inline it"
                + " (the page must open offline); none in " + looked + ". Point -Dworkbook.plotly.js at a copy:"
                + " ./workbook env saves one to .workbook/" + PLOTLY_FILE + ", or `npm pack plotly.js-dist-min@"
                + PLOTLY_VERSION + "` has it as package/plotly.min.js");
    }

    /** {@code -Dworkbook.chromium}, else chromium, chromium-browser or google-chrome on the PATH. */
    static Path findChromium(String chosen) {
        List<String> names = chosen != null ? List.of(chosen) : List.of("chromium", "chromium-browser", "google-chrome");
        for (String candidate : names) {
            Path path = Path.of(candidate);
            if (path.isAbsolute() || candidate.contains("/")) {
                if (Files.isExecutable(path)) {
                    return path;
                }
                continue;
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path onPath = Path.of(dir).resolve(candidate);
                if (!dir.isEmpty() && Files.isExecutable(onPath)) {
                    return onPath;
                }
            }
        }
        throw new IllegalStateException("saving a PNG needs a headless Chromium; found none of " + names
                + (chosen != null ? " (from -Dworkbook.chromium)" : " on the PATH") + ". Install chromium, set"
                + " -Dworkbook.chromium=/path/to/chrome, or save as .html instead");
    }

    private static void screenshot(Path chromium, Path page, Path png, int[] size, Path folder) throws IOException {
        List<String> command = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + folder.resolve("profile"), "--virtual-time-budget=5000",
                "--window-size=" + size[0] + "," + size[1], "--screenshot=" + png, page.toUri().toString());
        Path log = folder.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(PNG_SECONDS, TimeUnit.SECONDS)) {
                stop(process);
                throw new IOException(chromium + " did not draw the PNG within " + PNG_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + chromium + " drew the PNG", e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(png)) {
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            throw new IOException(chromium + " exited with " + process.exitValue() + " and wrote no " + png + ": "
                    + output.substring(Math.max(0, output.length() - 400)));
        }
    }

    /** The figure's layout width and height in pixels (Tablesaw's defaults when it names none). */
    static int[] size(Figure figure) {
        String js = figure.asJavascript("figure");
        int from = js.indexOf("var layout");
        int to = from < 0 ? -1 : js.indexOf("};", from);
        String layout = to < 0 ? "" : js.substring(from, to);
        return new int[] {layoutNumber(layout, "width", 800), layoutNumber(layout, "height", 420)};
    }

    private static int layoutNumber(String layout, String key, int otherwise) {
        // the layout's own keys are the first at their level; axis blocks come after them
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\n\\s*" + key + ": *(\\d+)").matcher(layout);
        return m.find() ? Integer.parseInt(m.group(1)) : otherwise;
    }

    /** Chromium starts helper processes of its own: they go too, or they keep the profile folder busy. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Best effort: a temporary folder left behind must not hide the PNG's own result or error. */
    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // left for the system's temporary-file cleaning
        }
    }
}
