package workbook.classic;

import java.util.Arrays;
import java.util.Locale;

/**
 * The spread of one score over several runs (seeds): mean, sample standard deviation, minimum
 * and maximum. A model comparison that rests on one seed can be luck; this is what lets a sentence
 * say "A beats B" only when every run says so.
 *
 * <pre>{@code
 * Spread lstm = Spread.of(rmseOfSeed1, rmseOfSeed2, rmseOfSeed3, rmseOfSeed4, rmseOfSeed5);
 * System.out.println("LSTM RMSE " + lstm.format(2));   // 2.13 ± 0.05 (2.07–2.20, 5 seeds)
 * lstm.clearlyBelow(climatology);                      // every seed below every seed of the other
 * }</pre>
 */
public record Spread(double mean, double sd, double min, double max, int runs) {

    /** The spread of the given scores (at least one, all finite). */
    public static Spread of(double... scores) {
        SeriesChecks.atLeast(scores, 1, "spread over runs", "one score per run");
        double mean = SeriesChecks.mean(scores);
        double squares = 0;
        for (double s : scores) {
            squares += (s - mean) * (s - mean);
        }
        double sd = scores.length > 1 ? Math.sqrt(squares / (scores.length - 1)) : 0;
        return new Spread(mean, sd, Arrays.stream(scores).min().orElseThrow(), Arrays.stream(scores).max().orElseThrow(),
                scores.length);
    }

    /** True when every run of this score is below every run of {@code other}: lower wins, whatever the seed. */
    public boolean clearlyBelow(Spread other) {
        return max < other.min;
    }

    /** True when every run of this score is below the single value {@code other} (a deterministic baseline). */
    public boolean clearlyBelow(double other) {
        return max < other;
    }

    /** "mean ± sd (min–max, n seeds)" with {@code decimals} decimals. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " ± " + f + " (" + f + "–" + f + ", %d seed%s)",
                mean, sd, min, max, runs, runs == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return format(4);
    }
}
