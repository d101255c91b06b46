package workbook.djl;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeMemoryTest {

    @Test
    void mallocIsTunedOnLinuxWithGlibc() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "Linux only");
        assumeTrue(Files.exists(Path.of("/lib/x86_64-linux-gnu/libc.so.6")) || Files.exists(Path.of("/lib64/libc.so.6")),
                "glibc only");
        Models.engine();
        // the first use of Models tuned it already; asking again must say so, not tune twice
        assertTrue(NativeMemory.keepFreedMemory(), "mallopt was refused");
        assertTrue(NativeMemory.keepFreedMemory());
    }
}
