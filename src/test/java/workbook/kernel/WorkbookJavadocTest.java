package workbook.kernel;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Shift+Tab shows of a Javadoc comment, and where the kernel finds the workbook's sources. */
class WorkbookJavadocTest {

    @Test
    void firstSentenceStopsAtThePeriodBeforeASpaceAndDropsTagsAndHtml() {
        assertEquals("Fits on the training rows ([time][column]).",
                WorkbookJavadoc.firstSentence(" Fits on the training rows ({@code [time][column]}).\n More here.\n @param x rows"));
        assertEquals("x' = (x - min) / (max - min) per column, with the minimum and maximum of the training rows.",
                WorkbookJavadoc.firstSentence("x' = (x - min) / (max - min) per column, with the minimum and maximum of the\n"
                        + " training rows.\n Later values can fall outside [0, 1]."));
        assertEquals("Uses 0.5 as the default <b> and a List<String>.",
                WorkbookJavadoc.firstSentence("Uses 0.5 as the <i>default</i> &lt;b&gt; and a {@link java.util.List List<String>}. Then"));
        assertEquals("", WorkbookJavadoc.firstSentence("@return the sum"));
        assertEquals("", WorkbookJavadoc.firstSentence(null));
    }

    @Test
    void identifierAtTheCursorIsAPlainNameOnly() {
        assertEquals("scaler", JavaKernel.identifierAt("scaler", 6));
        assertEquals("scaler", JavaKernel.identifierAt("x = sca|ler + 1".replace("|", ""), 7));
        assertNull(JavaKernel.identifierAt("scaler.min()", 9));
        assertNull(JavaKernel.identifierAt("1 + 2", 1));
    }

    @Test
    void sourcesAreTheProjectsSrcMainJava() {
        assertNotNull(WorkbookJavadoc.sources());
        assertTrue(Files.isRegularFile(WorkbookJavadoc.sources().resolve("workbook/kernel/WorkbookJavadoc.java")));
    }
}
