package workbook.kernel;

import workbook.plot.Plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts plotly.js into the notebook once per kernel session, offline.
 *
 * <p>Jupyter's classic page and nbconvert's HTML load require.js; plotly.js then registers itself
 * as an AMD module and {@code window.Plotly} stays undefined. The loader hides {@code window.define}
 * while plotly.js runs and restores it after. Every figure waits until {@code Plotly} exists, so
 * figures drawn after the first one need no copy of the library.
 *
 * <p>The library comes from the file named by the system property {@code workbook.plotly.js}
 * (the launcher fetches plotly.js-dist-min 2.35.3 with npm; Tablesaw's plot code uses the plotly
 * v1/v2 API, and with plotly 3+ every title silently disappears). Without that file the figures
 * fall back to plotly's CDN, which needs a network; a one-line notice says so.
 *
 * <p>A page that did not see the first figure (the reader reloaded it, opened a second tab, or
 * uses another front end) has no {@code Plotly}: every figure then fetches the copy the launcher
 * puts next to the kernelspec, which Jupyter serves at {@code <base>/kernelspecs/java/plotly.min.js}
 * (through require.js where the page has it, so plotly registers as a module instead of clashing).
 * Exported pages (file://) rely on the inline copy of the session's first figure.
 */
final class PlotlyLoader {

    static final String VERSION = Plots.PLOTLY_VERSION;
    static final String CDN_FALLBACK = "https://cdn.plot.ly/plotly-" + VERSION + ".min.js";

    /** The file name of plotly.js in the kernelspec folder (the launcher copies it there). */
    static final String KERNELSPEC_FILE = "plotly.min.js";

    /** JavaScript defining {@code fetchPlotly()}: loads the kernelspec's copy once per page, if Plotly is missing. */
    static final String FETCH_FROM_KERNELSPEC = """
              function fetchPlotly() {
                if (window.Plotly || window.__workbookPlotlyFetch || location.protocol === 'file:') { return; }
                window.__workbookPlotlyFetch = true;
                var base = (document.body && document.body.getAttribute('data-base-url')) || '/';
                var config = document.getElementById('jupyter-config-data');
                if (config) { try { base = JSON.parse(config.textContent).baseUrl || base; } catch (e) {} }
                var url = base.replace(/\\/?$/, '/') + 'kernelspecs/java/%s';
                if (typeof window.requirejs === 'function') {
                  window.requirejs([url], function (plotly) { window.Plotly = window.Plotly || plotly; });
                } else {
                  var script = document.createElement('script');
                  script.src = url;
                  document.head.appendChild(script);
                }
              }
            """.formatted(KERNELSPEC_FILE);

    private final Path libraryFile;
    private String library;
    private boolean loadedThisSession;

    PlotlyLoader(Path libraryFile) {
        this.libraryFile = libraryFile;
    }

    static PlotlyLoader fromSystemProperty() {
        String path = System.getProperty("workbook.plotly.js");
        return new PlotlyLoader(path == null || path.isBlank() ? null : Path.of(path));
    }

    /** The loader HTML the first time it is asked for in this session, then an empty string. */
    synchronized String loaderHtmlOnce() {
        if (loadedThisSession) {
            return "";
        }
        loadedThisSession = true;
        String script = library();
        if (script == null) {
            System.err.println("Note: plotly.js " + VERSION + " was not found locally (run ./workbook to fetch it);"
                    + " plots load it from " + CDN_FALLBACK + " and need a network.");
            return "<script>window.__workbookDefine = window.define; window.define = undefined;</script>\n"
                    + "<script src=\"" + CDN_FALLBACK + "\" onload=\"window.define = window.__workbookDefine;\"></script>\n";
        }
        return "<script>window.__workbookDefine = window.define; window.define = undefined;</script>\n"
                + "<script>" + script + "</script>\n"
                + "<script>window.define = window.__workbookDefine;</script>\n";
    }

    /** Makes the next figure carry the library again (e.g. after the reader cleared all outputs). */
    synchronized void reset() {
        loadedThisSession = false;
    }

    boolean isLocal() {
        return library() != null;
    }

    private synchronized String library() {
        if (library == null && libraryFile != null && Files.isRegularFile(libraryFile)) {
            try {
                // "</script" inside the library would end the inline script early.
                library = Files.readString(libraryFile).replace("</script", "<\\/script");
            } catch (IOException e) {
                System.err.println("Note: could not read " + libraryFile + ": " + e.getMessage());
            }
        }
        return library;
    }
}
