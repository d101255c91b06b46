package workbook.djl;

import workbook.model.Fit;
import org.junit.jupiter.api.Test;

import java.io.IOException;

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

    @Test
    void notebookTensLstmDoesNotFaultItsWorkspacesInAgainEveryBatch() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux /proc only");
        assumeTrue(Files.exists(Path.of("/lib/x86_64-linux-gnu/libc.so.6")) || Files.exists(Path.of("/lib64/libc.so.6")),
                "glibc only");
        Models.engine();
        assertTrue(NativeMemory.keepFreedMemory());
        // notebook 10's recipe (LSTM, hidden 128, batches of 64 sequences of 64 characters) on 4 batches of the novel:
        // each batch asks for two workspaces of about 40 MB
        String text = Files.readString(Path.of("data", "prideprejudice.txt")).substring(0, 4 * 64 * 64 * 10 / 9 + 200);
        try (CharLanguageModel model = CharLanguageModel.recipe(text).seed(1).build()) {
            Fit oneEpoch = CharLanguageModel.recipeFit(1).seed(1).progress(false);
            model.fit(oneEpoch);
            // The quietest of three epochs: a Java heap that grows meanwhile (other tests run beside this one) faults
            // its new pages in too, once; workspaces mapped afresh would fault in every epoch.
            long fewest = Long.MAX_VALUE;
            for (int epoch = 0; epoch < 3; epoch++) {
                long before = minorPageFaults();
                model.fit(oneEpoch);
                fewest = Math.min(fewest, minorPageFaults() - before);
            }
            System.out.println("notebook 10's LSTM, an epoch of 4 batches: " + fewest + " minor page faults (fewest of 3)");
            // mapped afresh for every batch, the workspaces alone would fault in 4 × 80 MB / 4 kB = 80,000 pages
            assertTrue(fewest < 20_000, "an epoch of 4 batches took at least " + fewest + " page faults: malloc maps"
                    + " the workspaces afresh");
        }
    }

    /** This process's minor page faults so far (field 10 of /proc/self/stat). */
    private static long minorPageFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // the command name (field 2) is in parentheses and may hold spaces: count from the closing one
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }
}
