package workbook.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One notebook as one Java program: imports at the top, the cells' variables and statements in order inside
 * {@code main}, their methods as static methods and their types as static nested types. A cell the front end
 * leaves out (a magic, a checker) or that needs what the library lacks becomes a one-line comment saying why.
 */
final class ProgramWriter {

    /** A code cell; {@code leftOut} says why it stays out of the program, or is null. */
    record Cell(int index, String source, String leftOut) {
    }

    /** Where a line of the program came from: a cell and its line (from 1), or nowhere (cell 0, line 0). */
    record Origin(int cell, int line) {
        static final Origin NONE = new Origin(-1, 0);
    }

    /** The program, each of its lines' origin, what became of each cell, and what stops it from being a program. */
    record Program(String className, String source, List<Origin> origins, Map<Integer, String> cells, List<String> problems) {
    }

    private static final String INDENT = "    ";

    private ProgramWriter() {
    }

    /** {@code 05-lstm.ipynb} -> {@code Notebook05Lstm}; {@code 04b-the-training-loop.ipynb} -> {@code Notebook04bTheTrainingLoop}. */
    static String className(String notebookName) {
        StringBuilder name = new StringBuilder("Notebook");
        for (String part : notebookName.replaceFirst("\\.ipynb$", "").split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    /**
     * @param library whether a package is on the library's classpath (only {@code workbook.*} imports are asked:
     *                the JDK and the library's dependencies are always there)
     */
    static Program write(String notebook, List<Cell> cells, List<String> defaultImports, Predicate<String> library,
            CellSnippets splitter) {
        String className = className(notebook);
        List<String> problems = new ArrayList<>();
        Map<Integer, String> status = new LinkedHashMap<>();
        // what a left-out piece made unavailable: name -> why (an import's simple name, a left-out cell's variable)
        Map<String, String> unavailable = new LinkedHashMap<>();
        Map<String, Integer> variables = new LinkedHashMap<>();   // cell variable -> the cell that declares it
        Lines imports = new Lines();
        Lines body = new Lines();
        Lines members = new Lines();
        Set<String> importsSeen = new LinkedHashSet<>();
        List<Object[]> declarations = new ArrayList<>();   // {cell, snippet, names} of methods and types

        // the kernel's own imports, without those of the kernel itself (its display functions)
        for (String line : defaultImports) {
            String imported = line.replaceFirst("^import\\s+(static\\s+)?", "").replace(";", "").strip();
            if ((!imported.startsWith("workbook.") || library.test(packageOf(imported))) && importsSeen.add(line)) {
                imports.add(line, Origin.NONE);
            }
        }
        // every cell's snippets parsed at once: one compiler task per notebook, not one per cell
        List<List<CellSnippets.Snippet>> snippetsByCell = new ArrayList<>();
        List<CellSnippets.Snippet> allSnippets = new ArrayList<>();
        for (Cell cell : cells) {
            List<CellSnippets.Snippet> snippets = cell.leftOut() != null ? List.of() : splitter.split(cell.source());
            snippetsByCell.add(snippets);
            allSnippets.addAll(snippets);
        }
        List<SnippetNames.Names> allNames = SnippetNames.of(allSnippets);
        int firstSnippet = 0;
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            String where = notebook + " cell " + cell.index();
            List<CellSnippets.Snippet> snippets = snippetsByCell.get(c);
            List<SnippetNames.Names> names = allNames.subList(firstSnippet, firstSnippet + snippets.size());
            firstSnippet += snippets.size();
            if (cell.leftOut() != null) {
                status.put(cell.index(), "left out: " + cell.leftOut());
                body.add(INDENT + INDENT + "// cell " + cell.index() + " left out: " + cell.leftOut(), Origin.NONE);
                continue;
            }
            String needs = null;
            for (int i = 0; i < snippets.size() && needs == null; i++) {
                if (snippets.get(i).kind() == CellSnippets.Kind.IMPORT) {
                    continue;
                }
                for (String used : names.get(i).outside()) {
                    if (unavailable.containsKey(used)) {
                        needs = "uses " + used + ", " + unavailable.get(used);
                        break;
                    }
                }
            }
            if (needs != null) {
                status.put(cell.index(), "left out: " + needs);
                body.add(INDENT + INDENT + "// cell " + cell.index() + " left out: " + needs, Origin.NONE);
                for (int i = 0; i < snippets.size(); i++) {
                    for (String declared : names.get(i).declared()) {
                        unavailable.put(declared, "declared in cell " + cell.index() + ", left out");
                    }
                    if (!names.get(i).name().isEmpty() && snippets.get(i).kind() != CellSnippets.Kind.IMPORT) {
                        unavailable.put(names.get(i).name(), "declared in cell " + cell.index() + ", left out");
                    }
                }
                continue;
            }
            status.put(cell.index(), "in");
            boolean bodyHeader = false;
            for (int i = 0; i < snippets.size(); i++) {
                CellSnippets.Snippet snippet = snippets.get(i);
                SnippetNames.Names snippetNames = names.get(i);
                Origin origin = new Origin(cell.index(), snippet.firstLine());
                switch (snippet.kind()) {
                    case IMPORT -> {
                        String imported = snippetNames.name();
                        String line = "import " + (snippetNames.isStatic() ? "static " : "") + imported + ";";
                        if (imported.startsWith("workbook.") && !library.test(packageOf(imported))) {
                            String simple = imported.substring(imported.lastIndexOf('.') + 1);
                            String pkg = packageOf(imported);
                            unavailable.put(simple, "from " + pkg + ", which is not part of the library");
                            line = "// " + line + "   (" + pkg + " is not part of the library)";
                        }
                        if (importsSeen.add(line)) {
                            imports.add(line, origin);
                        }
                    }
                    case TYPE, METHOD -> declarations.add(new Object[] {cell.index(), snippet, snippetNames});
                    case MAIN_BODY -> {
                        for (String declared : snippetNames.declared()) {
                            Integer earlier = variables.putIfAbsent(declared, cell.index());
                            if (earlier != null) {
                                problems.add(where + ": the variable " + declared + " is declared again (first in cell "
                                        + earlier + "); JShell replaces it, a program cannot: give one of them another name");
                            }
                        }
                        if (!bodyHeader) {
                            body.add("", Origin.NONE);
                            body.add(INDENT + INDENT + "// cell " + cell.index(), Origin.NONE);
                            bodyHeader = true;
                        }
                        body.addIndented(snippet.text(), INDENT + INDENT, origin);
                    }
                }
            }
        }
        for (Object[] declaration : declarations) {
            int cell = (Integer) declaration[0];
            CellSnippets.Snippet snippet = (CellSnippets.Snippet) declaration[1];
            SnippetNames.Names names = (SnippetNames.Names) declaration[2];
            String what = (snippet.kind() == CellSnippets.Kind.METHOD ? "method " : "type ") + names.name();
            for (String used : names.outside()) {
                if (variables.containsKey(used)) {
                    problems.add(notebook + " cell " + cell + ": the " + what + " uses the cell variable " + used
                            + " (declared in cell " + variables.get(used) + "); in a program it is a local variable of main,"
                            + " which a static " + (snippet.kind() == CellSnippets.Kind.METHOD ? "method" : "type")
                            + " cannot see: pass it as a parameter");
                }
            }
            String text = snippet.text();
            int start = names.declarationStart();
            if (!names.isStatic() && start >= 0 && start <= text.length()) {
                text = text.substring(0, start) + "static " + text.substring(start);   // main is static
            }
            members.add("", Origin.NONE);
            members.add(INDENT + "// cell " + cell, Origin.NONE);
            members.addIndented(text, INDENT, new Origin(cell, snippet.firstLine()));
        }

        Lines program = new Lines();
        program.add("// " + className + ": notebooks/" + notebook + " as a plain Java program, written by ./workbook export.", Origin.NONE);
        program.add("// Edit the notebook, not this file; cells that need the notebook's kernel or the exercise checkers are left out.", Origin.NONE);
        program.lines.addAll(imports.lines);
        program.origins.addAll(imports.origins);
        program.add("", Origin.NONE);
        program.add("public class " + className + " {", Origin.NONE);
        program.add("", Origin.NONE);
        program.add(INDENT + "public static void main(String[] args) throws Exception {", Origin.NONE);
        program.lines.addAll(body.lines.isEmpty() || !body.lines.get(0).isEmpty() ? body.lines : body.lines.subList(1, body.lines.size()));
        program.origins.addAll(body.lines.isEmpty() || !body.lines.get(0).isEmpty() ? body.origins : body.origins.subList(1, body.origins.size()));
        program.add(INDENT + "}", Origin.NONE);
        program.lines.addAll(members.lines);
        program.origins.addAll(members.origins);
        program.add("}", Origin.NONE);
        return new Program(className, String.join("\n", program.lines) + "\n", program.origins, status, problems);
    }

    static String packageOf(String qualified) {
        String[] parts = qualified.split("\\.");
        StringBuilder pkg = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length && !parts[i].isEmpty() && Character.isLowerCase(parts[i].charAt(0)); i++) {
            pkg.append('.').append(parts[i]);
        }
        return pkg.toString();
    }

    /** Lines of text, each with where it came from. */
    private static final class Lines {
        final List<String> lines = new ArrayList<>();
        final List<Origin> origins = new ArrayList<>();

        void add(String line, Origin origin) {
            lines.add(line);
            origins.add(origin);
        }

        /** A snippet's lines, each indented the same (text blocks keep their content: only common indentation moves). */
        void addIndented(String text, String indent, Origin first) {
            String[] split = text.split("\n", -1);
            for (int i = 0; i < split.length; i++) {
                String line = split[i].stripTrailing();
                add(line.isEmpty() ? "" : indent + line, first.cell() < 0 ? first : new Origin(first.cell(), first.line() + i));
            }
        }
    }
}
