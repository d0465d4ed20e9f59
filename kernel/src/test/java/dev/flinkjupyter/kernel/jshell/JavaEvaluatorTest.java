package dev.flinkjupyter.kernel.jshell;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cells as a notebook user writes them; one evaluator for the class, as in one kernel. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaEvaluatorTest {
    private JavaEvaluator cells;
    private final AtomicInteger count = new AtomicInteger();

    @BeforeAll
    void start() {
        cells = new JavaEvaluator(List.of("import java.util.*;"),
                List.of(new LazyVariable("greeting", "String", "\"hello\".toUpperCase()")));
    }

    @AfterAll
    void stop() {
        cells.close();
    }

    private CellResult run(String code) throws CellException {
        return cells.evaluate(code, count.incrementAndGet());
    }

    @Test
    void theLastExpressionIsTheCellsValue() throws Exception {
        CellResult result = run("int base = 20;\nint more = base + 1;\nmore * 2");
        assertThat(result.hasValue()).isTrue();
        assertThat(result.value()).isEqualTo(42);
    }

    @Test
    void declarationsAndStatementsHaveNoValue() throws Exception {
        assertThat(run("int unused = 3;").hasValue()).isFalse();
        assertThat(run("System.out.print(\"\");").hasValue()).isFalse();
    }

    @Test
    void anExpressionThatIsNullStillHasAValue() throws Exception {
        CellResult result = run("Map<String, Integer> m = new HashMap<>();\nm.get(\"absent\")");
        assertThat(result.hasValue()).isTrue();
        assertThat(result.value()).isNull();
    }

    @Test
    void classesMethodsRecordsAndInterfacesCanBeDeclaredAndRedefined() throws Exception {
        run("interface Shape { double area(); }\nrecord Square(double side) implements Shape { public double area() { return side * side; } }");
        assertThat(run("new Square(3).area()").value()).isEqualTo(9.0);
        run("int twice(int x) { return 2 * x; }");
        assertThat(run("twice(4)").value()).isEqualTo(8);
        run("int twice(int x) { return 3 * x; }");
        assertThat(run("twice(4)").value()).isEqualTo(12);
        run("class Counter { int next() { return 1; } }");
        run("class Counter { int next() { return 2; } }");
        assertThat(run("new Counter().next()").value()).isEqualTo(2);
    }

    @Test
    void aClassMayComeBeforeWhatItUses() throws Exception {
        CellResult result = run("class Later extends Base {}\nclass Base {}\nnew Later() instanceof Base");
        assertThat(result.value()).isEqualTo(true);
    }

    @Test
    void aCompileErrorNamesTheCellLineAndColumn() {
        assertThatThrownBy(() -> run("int ok = 1;\nint broken = missing + 1;"))
                .isInstanceOfSatisfying(CellException.class, e -> {
                    assertThat(e.name()).isEqualTo("CompileError");
                    assertThat(e.value()).startsWith("cell line 2, column 14: cannot find symbol");
                    assertThat(e.traceback()).contains("    int broken = missing + 1;", "                 ^");
                    assertThat(String.join("\n", e.traceback())).contains("symbol:   variable missing")
                            .doesNotContain("location:");
                });
    }

    @Test
    void whatRanBeforeAFailureStaysDefined() throws Exception {
        assertThatThrownBy(() -> run("int before = 7;\nint after = 1 / (before - 7);"))
                .isInstanceOf(CellException.class);
        assertThat(run("before").value()).isEqualTo(7);
    }

    @Test
    void aRuntimeErrorShowsTheUsersFramesByCellAndLine() throws Exception {
        run("void check(int v) {\n  if (v < 0) throw new IllegalArgumentException(\"negative: \" + v);\n}");
        int cell = count.get();
        assertThatThrownBy(() -> run("int x = 1;\n\ncheck(-x);"))
                .isInstanceOfSatisfying(CellException.class, e -> {
                    assertThat(e.name()).isEqualTo("IllegalArgumentException");
                    assertThat(e.value()).isEqualTo("negative: -1");
                    String text = String.join("\n", e.traceback());
                    assertThat(text).contains("check\u001b[0m (cell [" + cell + "], line 2)")
                            .contains("<cell>\u001b[0m (cell [" + (cell + 1) + "], line 3)")
                            .doesNotContain("jdk.internal.reflect");
                });
    }

    @Test
    void messagesDoNotMentionJShellsWrapperClasses() {
        assertThatThrownBy(() -> run("String nothing = null;\nnothing.length()"))
                .isInstanceOfSatisfying(CellException.class,
                        e -> assertThat(e.value()).contains("because \"nothing\" is null").doesNotContain("$JShell$"));
    }

    @Test
    void aLazyVariableIsDeclaredOnFirstMentionOnly() throws Exception {
        assertThat(cells.variables()).doesNotContainKey("greeting");
        assertThat(run("greeting.length()").value()).isEqualTo(5);
        assertThat(cells.variables()).containsEntry("greeting", "String");
        run("greeting = \"changed\";");
        assertThat(run("greeting").value()).isEqualTo("changed");
    }

    @Test
    void aFailureOutsideASnippetIsMappedToTheCell() throws Exception {
        run("Iterator<Integer> failing() { return List.of(1).stream().map(i -> { if (i > 0) throw new IllegalStateException(\"bad \" + i); return i; }).iterator(); }");
        int cell = count.get();
        Object iterator = run("failing()").value();
        Throwable thrown = null;
        try {
            ((java.util.Iterator<?>) iterator).next();
        } catch (IllegalStateException e) {
            thrown = e;
        }
        CellException described = cells.describe(thrown);
        assertThat(described.value()).isEqualTo("bad 1");
        assertThat(String.join("\n", described.traceback())).contains("(cell [" + cell + "], line 1)");
    }

    @Test
    void aRunningCellStopsWhenInterrupted() throws Exception {
        run("int survivor = 5;");
        Thread stopper = new Thread(() -> {
            sleep(400);
            cells.interrupt();
        });
        stopper.start();
        assertThatThrownBy(() -> run("Thread.sleep(30_000);"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.name()).isEqualTo("Interrupted"));
        assertThat(run("survivor").value()).isEqualTo(5);
    }

    @Test
    void completenessTellsMoreLinesFromCodeThatCannotCompile() {
        Completeness completeness = new Completeness(cells);
        assertThat(completeness.of("1 + 1")).isEqualTo(Completeness.Status.COMPLETE);
        assertThat(completeness.of("int a = 1;\nint b = 2;")).isEqualTo(Completeness.Status.COMPLETE);
        assertThat(completeness.of("class A {")).isEqualTo(Completeness.Status.INCOMPLETE);
        assertThat(completeness.of("for (int i = 0; i < 3; i++) {")).isEqualTo(Completeness.Status.INCOMPLETE);
        assertThat(completeness.of("int x = 1;\nx +")).isEqualTo(Completeness.Status.INCOMPLETE);
        assertThat(completeness.of("int 1x = 3;")).isEqualTo(Completeness.Status.INVALID);
        assertThat(completeness.of("1 +* 2;")).isEqualTo(Completeness.Status.INVALID);
        assertThat(completeness.of("}")).isEqualTo(Completeness.Status.INVALID);
    }

    @Test
    void completionOffersNamesAndMembersAtTheCursor() throws Exception {
        CodeCompleter completer = new CodeCompleter(cells);
        CodeCompleter.Completions names = completer.complete("int a = 1;\nStrin", 16);
        assertThat(names.matches()).contains("String", "StringBuilder");
        assertThat(names.start()).isEqualTo(11);
        assertThat(names.end()).isEqualTo(16);

        run("String word = \"abc\";");
        CodeCompleter.Completions members = completer.complete("word.toUpp", 10);
        assertThat(members.matches()).contains("toUpperCase(");
        assertThat(members.start()).isEqualTo(5);
    }

    @Test
    void inspectionFindsSignaturesWithTheCursorInOrAfterTheName() {
        CodeInspector inspector = new CodeInspector(cells);
        assertThat(inspector.inspect("Math.max", 6)).hasValueSatisfying(i -> assertThat(i.text()).contains("int Math.max(int a, int b)"));
        assertThat(inspector.inspect("Math.max", 8)).isPresent();
        assertThat(inspector.inspect("Math.max(1, 2)", 10)).hasValueSatisfying(i -> assertThat(i.text()).contains("Math.max("));
        assertThat(inspector.inspect("   ", 1)).isEmpty();
    }

    @Test
    void inspectionOfACellVariableShowsItsType() throws Exception {
        run("List<String> names = new ArrayList<>();");
        assertThat(new CodeInspector(cells).inspect("names", 2))
                .hasValueSatisfying(i -> assertThat(i.text()).contains("names").contains("java.util.List<java.lang.String>"));
    }

    @Test
    void aBoundValueIsAVariableOfItsDeclaredType() throws Exception {
        cells.bind("scores", new java.util.ArrayList<>(List.of(3, 4)), "java.util.List<Integer>");
        assertThat(cells.variables()).containsEntry("scores", "java.util.List<Integer>");
        assertThat(run("scores.get(1) + 1").value()).isEqualTo(5);
        cells.bind("scores", "now a string", "String");
        assertThat(run("scores.length()").value()).isEqualTo(12);
        assertThatThrownBy(() -> cells.bind("bad", 1, "NoSuchType"))
                .isInstanceOf(CellException.class)
                .hasMessageContaining("cannot declare NoSuchType bad");
        assertThat(cells.variables()).doesNotContainKey("bad");
    }

    @Test
    void aVariablesValueIsReadWithoutANewSnippetName() throws Exception {
        run("int answer = 42;\nString none = null;");
        int before = cells.variables().size();
        assertThat(cells.valueOf("answer")).contains(42);
        assertThat(cells.valueOf("none")).isEmpty();
        assertThat(cells.valueOf("missing")).isEmpty();
        assertThat(cells.variables()).hasSize(before);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
