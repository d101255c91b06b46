package workbook.export;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import com.sun.source.util.TreeScanner;

import javax.lang.model.element.Modifier;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a snippet declares and the names it uses from outside itself, from the compiler's own parse tree (no
 * types resolved, nothing run): what the exporter needs to tell whether a method reads a cell variable, whether a
 * variable is declared twice, and whether a snippet needs something the library lacks.
 */
final class SnippetNames {

    /**
     * @param declared the variables a main-body snippet declares at its top level (cell variables), in order
     * @param outside  the simple names it reads that it does not declare itself (variables, and the first part
     *                 of qualified names such as {@code Chapter02.Check}); method names are not counted
     * @param name     a method's or type's name; an import's qualified name ({@code java.util.*} included)
     * @param isStatic a static import, or a method or type already declared static
     * @param declarationStart where a method's or type's declaration starts in the snippet's text, after its
     *                 leading comments (where a {@code static} goes); -1 for other snippets
     */
    record Names(List<String> declared, Set<String> outside, String name, boolean isStatic, int declarationStart) {
        static final Names NONE = new Names(List.of(), Set.of(), "", false, -1);
    }

    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

    private SnippetNames() {
    }

    /** The names of each snippet, in order; a snippet that does not parse declares and uses nothing. */
    static List<Names> of(List<CellSnippets.Snippet> snippets) {
        List<JavaFileObject> sources = new ArrayList<>();
        List<Integer> prefixLengths = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            CellSnippets.Snippet snippet = snippets.get(i);
            String wrapped = switch (snippet.kind()) {
                case IMPORT -> snippet.text() + "\nclass S" + i + " {}";
                case TYPE, METHOD -> "class S" + i + " {\n" + snippet.text() + "\n}";
                case MAIN_BODY -> "class S" + i + " { void main() {\n" + snippet.text() + "\n} }";
            };
            sources.add(new Source("S" + i, wrapped));
            prefixLengths.add(snippet.kind() == CellSnippets.Kind.IMPORT ? 0 : wrapped.indexOf('\n') + 1);
        }
        if (sources.isEmpty()) {
            return List.of();
        }
        JavacTask task = (JavacTask) COMPILER.getTask(null, null, new DiagnosticCollector<>(), List.of("-proc:none"),
                null, sources);
        List<Names> names = new ArrayList<>();
        try {
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            int i = 0;
            for (CompilationUnitTree unit : task.parse()) {
                names.add(namesOf(snippets.get(i).kind(), unit, positions, prefixLengths.get(i)));
                i++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static Names namesOf(CellSnippets.Kind kind, CompilationUnitTree unit, SourcePositions positions, int prefix) {
        if (kind == CellSnippets.Kind.IMPORT) {
            if (unit.getImports().isEmpty()) {
                return Names.NONE;
            }
            ImportTree imported = unit.getImports().get(0);
            return new Names(List.of(), Set.of(), imported.getQualifiedIdentifier().toString(), imported.isStatic(), -1);
        }
        if (unit.getTypeDecls().isEmpty()) {
            return Names.NONE;
        }
        ClassTree wrapper = (ClassTree) unit.getTypeDecls().get(0);
        String name = "";
        boolean isStatic = false;
        int declarationStart = -1;
        if (kind != CellSnippets.Kind.MAIN_BODY && !wrapper.getMembers().isEmpty()) {
            Tree declaration = wrapper.getMembers().get(0);
            ModifiersTree modifiers = declaration instanceof MethodTree method ? method.getModifiers()
                    : declaration instanceof ClassTree type ? type.getModifiers() : null;
            name = declaration instanceof MethodTree method ? method.getName().toString()
                    : declaration instanceof ClassTree type ? type.getSimpleName().toString() : "";
            isStatic = modifiers != null && modifiers.getFlags().contains(Modifier.STATIC);
            // the compiler's start of a declaration is that of its first modifier or annotation
            declarationStart = (int) positions.getStartPosition(unit, declaration) - prefix;
        }
        List<String> declared = new ArrayList<>();
        if (kind == CellSnippets.Kind.MAIN_BODY) {
            for (Tree member : wrapper.getMembers()) {
                if (member instanceof MethodTree main && main.getBody() != null) {
                    for (StatementTree statement : main.getBody().getStatements()) {
                        if (statement instanceof VariableTree variable) {
                            declared.add(variable.getName().toString());
                        }
                    }
                }
            }
        }
        Scan scan = new Scan();
        for (Tree member : wrapper.getMembers()) {
            scan.scan(member, null);
        }
        Set<String> outside = new LinkedHashSet<>(scan.used);
        outside.removeAll(scan.declaredInside);
        outside.removeAll(declared);
        return new Names(declared, outside, name, isStatic, declarationStart);
    }

    /**
     * Collects every simple name read and every name declared anywhere inside (parameters, locals, lambda
     * parameters, fields, type parameters, nested types and methods). A name declared anywhere inside counts as
     * the snippet's own everywhere in it: cautious, it can only miss a use, never invent one, and the compiler
     * checks what it misses.
     */
    private static final class Scan extends TreeScanner<Void, Void> {
        final Set<String> used = new LinkedHashSet<>();
        final Set<String> declaredInside = new LinkedHashSet<>();

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            used.add(node.getName().toString());
            return null;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            // f(x): f is a method, not a variable; a.f(x): a is read
            if (!(node.getMethodSelect() instanceof IdentifierTree)) {
                scan(node.getMethodSelect(), null);
            }
            scan(node.getTypeArguments(), null);
            scan(node.getArguments(), null);
            return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void unused) {
            return scan(node.getExpression(), null);
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            declaredInside.add(node.getName().toString());
            return super.visitVariable(node, unused);
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            declaredInside.add(node.getName().toString());
            return super.visitMethod(node, unused);
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            declaredInside.add(node.getSimpleName().toString());
            return super.visitClass(node, unused);
        }

        @Override
        public Void visitTypeParameter(TypeParameterTree node, Void unused) {
            declaredInside.add(node.getName().toString());
            return super.visitTypeParameter(node, unused);
        }

    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String name, String code) {
            super(URI.create("string:///" + name + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
