package workbook.check;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checker methods follow one rule, ChapterNN.exerciseN(answer); the former names remain as deprecated delegates. */
class CheckerNamesTest {

    static final List<Class<?>> CHAPTERS = List.of(Chapter01.class, Chapter02.class, Chapter03.class, Chapter04.class,
            Chapter04b.class, Chapter05.class, Chapter06.class, Chapter07.class, Chapter08.class, Chapter09.class,
            Chapter10.class, Chapter11.class, Chapter12.class, Chapter13.class, Chapter14.class);

    @Test
    void everyPublicCheckerIsExerciseNOrADeprecatedFormerName() {
        List<String> offenders = new ArrayList<>();
        for (Class<?> chapter : CHAPTERS) {
            for (Method m : chapter.getDeclaredMethods()) {
                boolean checker = Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() == void.class;
                if (!checker) {
                    continue;
                }
                if (m.isAnnotationPresent(Deprecated.class)) {
                    // a former name must take the same answer as some exerciseN of its class
                    boolean delegates = Arrays.stream(chapter.getDeclaredMethods()).anyMatch(e -> e.getName().matches("exercise\\d+")
                            && Arrays.equals(e.getParameterTypes(), m.getParameterTypes()));
                    if (!delegates || !m.getName().startsWith("check")) {
                        offenders.add(chapter.getSimpleName() + "." + m.getName());
                    }
                } else if (!m.getName().matches("exercise\\d+")) {
                    offenders.add(chapter.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    @SuppressWarnings("deprecation")
    void aFormerNamePrintsTheSameVerdictAsTheNewOne() {
        Chapter03Test.Verdict now = Chapter03Test.run(() -> {
            Chapter01.exercise1(Chapter01Test.SEASONAL_DIFFERENCE);
            return true;
        });
        Chapter03Test.Verdict before = Chapter03Test.run(() -> {
            Chapter01.checkSeasonalDifference(Chapter01Test.SEASONAL_DIFFERENCE);
            return true;
        });
        assertTrue(now.printed().startsWith("PASSED exercise 1: "), now.printed());
        assertEquals(now.printed(), before.printed());

        Chapter03Test.Verdict wrong = Chapter03Test.run(() -> {
            Chapter08.checkLogReturns(prices -> new double[0]);
            return true;
        });
        assertTrue(wrong.printed().startsWith("NOT YET exercise 1: on two prices"), wrong.printed());
    }
}
