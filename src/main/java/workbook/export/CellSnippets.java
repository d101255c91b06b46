package workbook.export;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import workbook.kernel.CellEvaluator;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into its snippets and classifies them the way the kernel's JShell does: with JShell's own
 * {@link SourceCodeAnalysis} ({@code analyzeCompletion} to split, {@code sourceToSnippets} to classify), which
 * parses without evaluating anything.
 */
final class CellSnippets implements AutoCloseable {

    /** Where a snippet goes in a program: imports to the top, types and methods into the class, the rest into main. */
    enum Kind { IMPORT, TYPE, METHOD, MAIN_BODY }

    /**
     * One snippet: its text as written in the cell (leading comments and a comment ending its last line included)
     * and the cell line (from 1) its text starts on.
     */
    record Snippet(Kind kind, String text, int firstLine) {
    }

    // The "local" engine: analysis only, so no second JVM is started for an execution that never comes.
    private final JShell shell = JShell.builder().executionEngine("local").build();
    private final SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();

    List<Snippet> split(String cell) {
        List<Snippet> snippets = new ArrayList<>();
        String remaining = cell;
        while (!remaining.isBlank()) {
            int start = cell.length() - remaining.length();
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                break;   // only comments are left (already kept with the snippet before, see below)
            }
            boolean complete = info.completeness().isComplete();
            String rest = complete ? info.remaining() : "";   // incomplete: the compiler will say what is missing
            int codeEnd = cell.length() - rest.length();
            // a comment after the snippet on its last line belongs to it, not to the next snippet
            int lineEnd = rest.indexOf('\n');
            String restOfLine = lineEnd < 0 ? rest : rest.substring(0, lineEnd);
            if (!restOfLine.isBlank() && !restOfLine.strip().startsWith("//")) {
                restOfLine = "";
            }
            String semicolon = info.completeness() == Completeness.COMPLETE_WITH_SEMI ? ";" : "";
            String text = cell.substring(start, codeEnd) + semicolon + restOfLine;
            remaining = rest.substring(restOfLine.length());
            String fromFirstCodeLine = text.replaceFirst("^(?:[ \t]*\n)+", "");
            String withoutBlankLines = fromFirstCodeLine.stripTrailing();
            int firstLine = CellEvaluator.lineOf(cell, start + text.length() - fromFirstCodeLine.length());
            Kind kind = complete ? kindOf(info.source()) : Kind.MAIN_BODY;
            snippets.add(new Snippet(kind, withoutBlankLines, firstLine));
        }
        if (!remaining.isBlank() && !snippets.isEmpty()) {   // comments after the last snippet
            Snippet last = snippets.remove(snippets.size() - 1);
            snippets.add(new Snippet(last.kind(), last.text() + remaining.stripTrailing(), last.firstLine()));
        }
        return snippets;
    }

    private Kind kindOf(String source) {
        List<jdk.jshell.Snippet> parsed = analysis.sourceToSnippets(source);
        if (parsed.isEmpty()) {
            return Kind.MAIN_BODY;
        }
        return switch (parsed.get(0).kind()) {
            case IMPORT -> Kind.IMPORT;
            case TYPE_DECL -> Kind.TYPE;
            case METHOD -> Kind.METHOD;
            // variables, statements, expressions, and what JShell cannot classify without types (var x = f())
            default -> Kind.MAIN_BODY;
        };
    }

    @Override
    public void close() {
        shell.close();
    }
}
