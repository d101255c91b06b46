package workbook.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where data comes from: the shipped data sets by name, any file or URL by its address, all read the same way.
 * A shipped data set is read from, in this order:
 * <ol>
 *   <li>the folder named by the system property {@value #PROPERTY} ({@code -Dworkbook.data=/srv/data}), when given;</li>
 *   <li>the repository's {@code data/} folder, when running from the repository (its root or {@code notebooks/});</li>
 *   <li>the library jar, which carries every shipped data set under {@value #RESOURCES}.</li>
 * </ol>
 */
public final class DataFiles {

    /** System property naming the data folder explicitly, e.g. {@code -Dworkbook.data=/srv/data}. */
    public static final String PROPERTY = "workbook.data";
    /** Where the library jar holds the shipped data sets, as a classpath resource folder. */
    public static final String RESOURCES = "workbook/data/";
    /** The launcher beside {@code data/} marks the repository: another project's own {@code data/} folder is not ours. */
    private static final String REPOSITORY_MARKER = "workbook";
    private static final int URL_TIMEOUT_MS = 30_000;
    private static final int MAX_REDIRECTS = 5;

    private DataFiles() {
    }

    /** A file's content and where it was read from (a path or URL, for messages). */
    public record Loaded(String location, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The file's own name, the last part of its location: what messages and table names show. */
        public String name() {
            String path = location.replaceFirst("[?#].*$", "");   // .../x.csv?raw=true is x.csv
            return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        }
    }

    /** A shipped data set by its name inside {@code data/}, e.g. {@code DataFiles.shipped("stocks.csv")}. */
    public static Loaded shipped(String name) {
        return shipped(name, System.getProperty(PROPERTY), Path.of("").toAbsolutePath());
    }

    static Loaded shipped(String name, String property, Path workingDirectory) {
        Optional<Path> folder = folder(property, workingDirectory);
        if (folder.isPresent()) {
            Path path = folder.get().resolve(name);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("data file '" + name + "' not found: " + path);
            }
            return file(path);
        }
        URL resource = DataFiles.class.getClassLoader().getResource(RESOURCES + name);
        if (resource == null) {
            throw new IllegalArgumentException("data file '" + name + "' not found: not in a data folder (none here;"
                    + " set -D" + PROPERTY + "=/path/to/data) nor in the library jar (" + RESOURCES + name + ")");
        }
        return url(resource);
    }

    /** Any file on disk; a missing one is named with its absolute path. */
    public static Loaded file(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("file not found: " + absolute);
        }
        try {
            return new Loaded(absolute.toString(), Files.readAllBytes(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Any URL: http(s), file or a classpath resource ({@code jar:}); an address that answers nothing is named.
     * Redirects are followed (Java itself does not follow one from http to https), at most {@value #MAX_REDIRECTS};
     * an answer other than 2xx is an error naming the address and the status, never a page read as data.
     */
    public static Loaded url(URL url) {
        URL current = url;
        try {
            for (int redirects = 0; ; redirects++) {
                URLConnection connection = current.openConnection();
                connection.setConnectTimeout(URL_TIMEOUT_MS);
                connection.setReadTimeout(URL_TIMEOUT_MS);
                if (connection instanceof HttpURLConnection http) {
                    http.setInstanceFollowRedirects(false);   // followed here, http to https too, and named
                    int status = http.getResponseCode();
                    String location = http.getHeaderField("Location");
                    if (status >= 300 && status < 400 && location != null && redirects < MAX_REDIRECTS) {
                        current = redirected(current, location);
                        http.disconnect();
                        continue;
                    }
                    if (status == HttpURLConnection.HTTP_NOT_FOUND || status == HttpURLConnection.HTTP_GONE) {
                        throw new IllegalArgumentException("nothing found at " + current);
                    }
                    if (status < 200 || status >= 300) {
                        throw new IllegalArgumentException(current + " answered HTTP " + status
                                + (http.getResponseMessage() == null ? "" : " " + http.getResponseMessage())
                                + (status >= 300 && status < 400 ? " (more than " + MAX_REDIRECTS + " redirects, or no"
                                + " Location)" : "") + "; expected the file itself (HTTP 200)");
                    }
                }
                try (InputStream in = connection.getInputStream()) {
                    return new Loaded(current.toString(), in.readAllBytes());
                }
            }
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("nothing found at " + current, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + current + ": " + e, e);
        }
    }

    private static URL redirected(URL from, String location) {
        try {
            return from.toURI().resolve(location).toURL();
        } catch (URISyntaxException | IllegalArgumentException | MalformedURLException e) {
            throw new IllegalArgumentException(from + " redirected to '" + location + "', which is not a valid URL", e);
        }
    }

    /** A path or an address, told apart by a scheme ({@code https://...}, {@code file:/...}): read as either. */
    public static Loaded pathOrUrl(String where) {
        if (where.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.+")) {   // a scheme (jar:file:/..., https://...); "C:\\x" is a path
            URL url;
            try {
                url = new URI(where).toURL();
            } catch (URISyntaxException | IllegalArgumentException | MalformedURLException e) {
                throw new IllegalArgumentException("'" + where + "' is not a valid URL: " + e.getMessage(), e);
            }
            return url(url);
        }
        return file(Path.of(where));
    }

    /**
     * The data folder on disk the shipped data sets are read from: {@code -Dworkbook.data}, else the repository's
     * {@code data/}. Fails, listing what it tried, when there is none (then they come from the library jar).
     */
    public static Path directory() {
        String property = System.getProperty(PROPERTY);
        Path cwd = Path.of("").toAbsolutePath();
        return folder(property, cwd).orElseThrow(() -> new IllegalStateException("data folder not found; tried "
                + repositoryCandidates(cwd) + " (set -D" + PROPERTY + "=/path/to/data to choose it)"));
    }

    /** The folder for this property and working directory, empty when the shipped data comes from the jar. */
    static Optional<Path> folder(String property, Path workingDirectory) {
        if (property != null && !property.isBlank()) {
            Path given = Path.of(property).toAbsolutePath().normalize();
            if (!Files.isDirectory(given)) {
                throw new IllegalStateException("data folder not found: -D" + PROPERTY + "=" + property + " names "
                        + given + ", which is not a folder");
            }
            return Optional.of(given);
        }
        for (Path candidate : repositoryCandidates(workingDirectory)) {
            if (Files.isDirectory(candidate) && Files.isRegularFile(candidate.resolveSibling(REPOSITORY_MARKER))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Notebooks run in {@code notebooks/}, tests and programs in the repository's root. */
    private static List<Path> repositoryCandidates(Path workingDirectory) {
        List<Path> tried = new ArrayList<>();
        tried.add(workingDirectory.resolve("data"));
        if (workingDirectory.getParent() != null) {
            tried.add(workingDirectory.getParent().resolve("data"));
        }
        return tried;
    }
}
