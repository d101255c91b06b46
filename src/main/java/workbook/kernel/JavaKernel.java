package workbook.kernel;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import workbook.display.DisplaySink;
import workbook.display.Displays;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The workbook's Jupyter kernel for Java: JShell in this JVM ({@link CellEvaluator}), IJava's
 * display functions and magics, rich display of Tablesaw figures and tables, history, and
 * interrupts that stop long cells without killing the kernel.
 */
public final class JavaKernel extends BaseKernel {

    public static final String VERSION = "0.1.0";

    private final CellEvaluator evaluator;
    private final Magics magics;
    private final SessionHistory history;
    private final WorkbookIO workbookIO;
    private final PlotlyLoader plotly;
    private final CellStreams streams;

    /** The Help menu's links: the libraries the notebooks use, and the JDK of the running kernel. */
    private static final List<HelpLink> HELP_LINKS = List.of(
            new HelpLink("Java " + Runtime.version().feature() + " API",
                    "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"),
            new HelpLink("DJL (Deep Java Library)", "https://docs.djl.ai/"),
            new HelpLink("Tablesaw", "https://jtablesaw.github.io/tablesaw/"));

    public static JavaKernel create() {
        return create(new CellEvaluator());
    }

    /**
     * A kernel around an evaluator made beforehand: JShell starts on its own thread when the evaluator is made, and
     * its start (about a second, the longest step before the first result) need not wait for the kernel's.
     */
    public static JavaKernel create(CellEvaluator evaluator) {
        return new JavaKernel(new WorkbookIO(), new SessionHistory(), new Renderer(), PlotlyLoader.fromSystemProperty(),
                evaluator);
    }

    private JavaKernel(WorkbookIO io, SessionHistory history, Renderer renderer, PlotlyLoader plotly,
                       CellEvaluator evaluator) {
        super("rnn-workbook-java", VERSION,
                new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("text/x-java")
                        .build(),
                HELP_LINKS, history, io, new CommManager(), renderer, null, null, false,
                new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .build());
        this.workbookIO = io;
        this.history = history;
        this.plotly = plotly;
        this.streams = new CellStreams(System.out, System.err);
        this.evaluator = evaluator;
        evaluator.onCellStart(() -> {
            CellStreams.Cell output = streams.bindCurrentThread();
            return output == null ? () -> { } : output::keepOutputToItself;
        });
        this.magics = new Magics(evaluator::addToClasspath, evaluator::evaluate,
                MavenDependencies.forUser(), Path.of("").toAbsolutePath());
        RichDisplay.registerAll(renderer, plotly);
    }

    @Override
    public void onStartup() {
        super.onStartup();
        Displays.install(new NotebookSink());
        // For good, not per cell: threads a cell started keep writing to that cell after it ended.
        System.setOut(streams.out);
        System.setErr(streams.err);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
        streams.close();
        super.onShutdown(isRestarting);
    }

    /** Only {@code System.in} changes per cell: {@code System.out} and {@code err} are {@link CellStreams} for good. */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        InputStream oldIn = System.in;
        System.setIn(new FlushingInput(io.in, streams));
        env.defer(() -> System.setIn(oldIn));
    }

    /** Sends the cell's pending output before each read, so a prompt printed before input() shows before its box. */
    static final class FlushingInput extends FilterInputStream {
        private final CellStreams streams;

        FlushingInput(InputStream in, CellStreams streams) {
            super(in);
            this.streams = streams;
        }

        @Override
        public int read() throws IOException {
            streams.flushCurrent();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            streams.flushCurrent();
            return super.read(buffer, offset, length);
        }
    }

    /** Sends the cell's batches straight to iopub: the socket is thread-safe, the environment's defer flag is not. */
    private static CellStreams.Sink streamSink(ShellReplyEnvironment env) {
        return (streamName, text) -> env.getIopub().sendMessage(new Message<>(env.getContext(),
                PublishStream.MESSAGE_TYPE, new PublishStream(streamName.equals("stderr")
                        ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text)));
    }

    /** Sends output printed so far, so that it arrives before a display that follows it. */
    void flushCellOutput() {
        streams.flushCurrent();
    }

    @Override
    public Object evalRaw(String source) {
        Object result = magics.run(source);
        // printf and append return their stream: showing "java.io.PrintStream@1a2b" would only confuse.
        return CellEvaluator.hasValue(result) && !(result instanceof PrintStream) ? result : null;
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    /** As the base class, plus: clear messages for failing cells, and every cell kept in the history. */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        evaluator.numberCellsFromNowAs(count);   // messages say "cell N" for the In[N] the reader sees
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        CellStreams.Cell output = streams.startCell(streamSink(env));
        workbookIO.attach(env, request.isStdinEnabled());
        env.defer(() -> workbookIO.detach(env));

        String shownText = "";
        try {
            DisplayData out = eval(request.getCode());
            streams.finishCell(output);
            if (out != null) {
                env.publish(new PublishExecuteResult(count, out));
                Object text = out.getData(MIMEType.TEXT_PLAIN);
                shownText = text == null ? "" : text.toString();
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (CellFailure failure) {
            streams.finishCell(output);
            publishError(env, count, failure.errorName(), failure.getMessage(), failure.report());
        } catch (RuntimeException | Error bug) {
            // Not the reader's code: a fault in the kernel or a library it called while rendering.
            streams.finishCell(output);
            publishError(env, count, bug.getClass().getName(), String.valueOf(bug.getMessage()), formatError(bug));
        } finally {
            if (request.shouldStoreHistory()) {
                history.record(count, request.getCode(), shownText);
            }
        }
    }

    private void publishError(ShellReplyEnvironment env, int count, String name, String message, List<String> report) {
        List<String> styled = new ArrayList<>();
        for (String line : report) {
            styled.add(errorStyler.secondary(line));
        }
        env.publish(new PublishError(name, message, styled));
        ErrorReply error = new ErrorReply(name, message, styled);
        error.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
    }

    /** The protocol wants {@code status: "ok"} in every reply; the base library's kernel_info lacks it. */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoOk(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    static final class KernelInfoOk extends KernelInfoReply {
        @SuppressWarnings("unused") // serialised by Gson
        private final String status = "ok";

        KernelInfoOk(String protocolVersion, String name, String version, LanguageInfo info, String banner,
                     List<org.dflib.jjava.jupyter.kernel.HelpLink> helpLinks) {
            super(protocolVersion, name, version, info, banner, helpLinks);
        }
    }

    /** Answers tail, range and search requests from this session's cells (with {@code status: "ok"}). */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        env.reply(new HistoryOk(entries));
    }

    /**
     * A history reply as the protocol writes it: entries are [session, line, input] (or
     * [session, line, [input, output]]) arrays, plus {@code status: "ok"}. The base library's reply
     * serialises entries as objects and has no status.
     */
    static final class HistoryOk implements ContentType<HistoryOk>, ReplyType<HistoryRequest> {
        @SuppressWarnings("unused") // serialised by Gson
        private final String status = "ok";
        private final List<List<Object>> history = new ArrayList<>();

        HistoryOk(List<HistoryEntry> entries) {
            for (HistoryEntry entry : entries) {
                Object text = entry.hasOutput() ? List.of(entry.getInput(), entry.getOutput()) : entry.getInput();
                history.add(List.of(entry.getSession(), entry.getCellNumber(), text));
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public MessageType<HistoryOk> getType() {
            return (MessageType<HistoryOk>) (MessageType<?>) MessageType.HISTORY_REPLY;
        }

        @Override
        public MessageType<HistoryRequest> getRequestType() {
            return MessageType.HISTORY_REQUEST;
        }
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " :: rnn-workbook kernel " + VERSION + " (JShell, in-process)";
    }

    /**
     * Shift+Tab: each signature JShell finds at the cursor with the first sentence of its Javadoc (all of it
     * when Jupyter asks for more detail); on a variable, also its type's. The workbook's own Javadoc comes
     * from its sources (see {@link WorkbookJavadoc}).
     */
    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = evaluator.analysis().documentation(code, at, true);
        if (docs.isEmpty() && at <= code.length()) {
            // JShell documents a method only at its call: "Math.max" finds nothing, "Math.max(" does; the
            // cursor may also stand inside the name ("scaler.m|in()")
            int end = at;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                end++;
            }
            String call = end < code.length() && code.charAt(end) == '(' ? code : code.substring(0, end) + "(";
            docs = evaluator.analysis().documentation(call, end + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        List<SourceCodeAnalysis.Documentation> shown = new ArrayList<>(docs);
        String type = evaluator.variableType(identifierAt(code, at));
        if (type != null) {
            shown.addAll(evaluator.analysis().documentation(type, type.length(), true));
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : shown) {
            text.append(doc.signature()).append('\n');
            String javadoc = doc.javadoc();
            if (javadoc != null && !javadoc.isBlank()) {
                String said = extraDetail ? javadoc.strip() : WorkbookJavadoc.firstSentence(javadoc);
                text.append("    ").append(said.replace("\n", "\n    ")).append('\n');
            }
            text.append('\n');
        }
        return new DisplayData(text.toString().strip());
    }

    /** The plain identifier (no '.' before it) around position at, or null. */
    static String identifierAt(String code, int at) {
        int start = Math.min(at, code.length());
        int end = start;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        boolean member = start > 0 && code.charAt(start - 1) == '.';
        return start == end || member || !Character.isJavaIdentifierStart(code.charAt(start)) ? null : code.substring(start, end);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = evaluator.analysis().completionSuggestions(code, at, anchor);
        Set<String> options = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion suggestion : suggestions) {
            options.add(suggestion.continuation());
        }
        return new ReplacementOptions(new ArrayList<>(options), anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        if (!evaluator.isStarted()) {
            // JShell still warms up (about a second after start): a console typing at once must not wait
            return CellEvaluator.looksUnfinished(code) ? "    " : IS_COMPLETE_YES;
        }
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = evaluator.analysis().analyzeCompletion(remaining);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.DEFINITELY_INCOMPLETE || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                return "    ";
            }
            if (completeness == Completeness.UNKNOWN) {
                return IS_COMPLETE_BAD;
            }
            if (completeness == Completeness.EMPTY) {
                break;
            }
            remaining = info.remaining();
        }
        return IS_COMPLETE_YES;
    }

    /** Sends the teaching code's displays (progress lines, figures) to the notebook. */
    private final class NotebookSink implements DisplaySink {
        @Override
        public String display(Object value) {
            return Notebook.display(value);
        }

        @Override
        public void update(String displayId, Object value) {
            Notebook.updateDisplay(displayId, value);
        }
    }

    /** Lets the next figure carry plotly.js again; used by tests of the loader. */
    void resetPlotlyLoader() {
        plotly.reset();
    }
}
