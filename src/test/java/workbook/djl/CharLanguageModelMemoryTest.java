package workbook.djl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The character language model holds its text as ids, one-hot only per batch: on the whole novel (685k characters,
 * 75 in the vocabulary) it runs in a 64 MB heap. Holding the text one-hot (75 floats a character, 205 MB; doubles
 * on the way, 410 MB) ran out of memory even at 512 MB.
 */
class CharLanguageModelMemoryTest {

    @Test
    void theWholeNovelFitsInA64MegabyteHeap() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("char-model-memory");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), CharModelMemory.class.getName());
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the program ran over 180 s");
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output + Files.readString(err, StandardCharsets.UTF_8));
        assertTrue(output.startsWith("characters 684768, vocabulary 75, validation perplexity "), output);
        // untrained: close to a uniform guess over 75 characters
        double perplexity = Double.parseDouble(output.lines().findFirst().orElseThrow().replaceAll(".* ", ""));
        assertTrue(perplexity > 60 && perplexity < 90, output);
        assertTrue(output.contains("sample 33"), output);
    }
}
