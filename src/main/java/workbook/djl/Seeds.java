package workbook.djl;

import workbook.model.Fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Seeds: one call for the whole program, and the same network trained once per seed.
 *
 * <p>{@link #use(long)} is the program's one seed setting, the workbook's {@code torch.manual_seed}: every model built
 * afterwards without a seed of its own takes it, on both sides: the from-scratch {@code Recurrent}, {@code Model} and
 * {@code CharRnn} (initial weights, batch order) and the DJL {@link RecurrentModel}, {@link CharLanguageModel},
 * {@link ResidualDetector} and {@link Fit} (initial weights, dropout, batch order). A seed given to a builder wins.
 * Without the call the seed is 42.
 *
 * <p>The same network trained once per seed (the seed draws the initial weights and the batch order), so a
 * comparison can show the spread a single run hides ({@code workbook.classic.Spread}).
 *
 * <pre>{@code
 * Seeds.use(7);                                   // every model below without .seed(...) now starts from seed 7
 * List<Seeds.Run> runs = Seeds.fit(Seeds.first(5), seed -> RecurrentModel.lstm(16).outputs(1).seed(seed).build(),
 *         TrainData.of(data.train()), TrainData.of(data.validation()), Fit.epochs(40).patience(5));
 * System.out.println(Seeds.describe(runs));
 * }</pre>
 */
public final class Seeds {

    private Seeds() {
    }

    /** One trained network: its seed, the model (best weights when early stopping was on) and its history. */
    public record Run(long seed, RecurrentModel model, History history) {
    }

    /**
     * Sets the seed of every model built from now on without one, scratch and DJL (see above); returns the seed that
     * was in use. Builders made before the call keep the seed they read when they were created.
     */
    public static long use(long seed) {
        return workbook.model.DefaultSeed.use(seed);
    }

    /** The seeds 1 .. count. */
    public static long[] first(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = i + 1;
        }
        return seeds;
    }

    /**
     * Builds and fits one model per seed; {@code build} must use the seed it is given for the weights, and the
     * fit's batch order is seeded with it too. Validation may be null (no early stopping then).
     */
    public static List<Run> fit(long[] seeds, LongFunction<RecurrentModel> build, TrainData train, TrainData validation,
            Fit fit) {
        if (seeds == null || seeds.length == 0) {
            throw new IllegalArgumentException("no seeds given: pass at least one, e.g. Seeds.first(5)");
        }
        List<Run> runs = new ArrayList<>();
        for (long seed : seeds) {
            RecurrentModel model = build.apply(seed);
            History history = model.fit(train, validation, fit.seed(seed));
            runs.add(new Run(seed, model, history));
        }
        return List.copyOf(runs);
    }

    /** @deprecated the options are {@link workbook.model.Fit} now. */
    @Deprecated
    public static List<Run> fit(long[] seeds, LongFunction<RecurrentModel> build, TrainData train, TrainData validation,
            workbook.djl.Fit fit) {
        return fit(seeds, build, train, validation, fit.toFit());
    }

    /** One line per run: the epochs trained and, with validation, the best epoch and its validation loss. */
    public static String describe(List<Run> runs) {
        StringBuilder s = new StringBuilder();
        for (Run run : runs) {
            List<History.Epoch> epochs = run.history().epochs();
            s.append(String.format(Locale.ROOT, "seed %d: %d epochs", run.seed(), epochs.size()));
            int best = run.history().bestEpoch();
            if (best > 0) {
                s.append(String.format(Locale.ROOT, ", best epoch %d, validation loss %.4f", best,
                        epochs.get(best - 1).validationLoss()));
            } else if (!epochs.isEmpty()) {
                s.append(String.format(Locale.ROOT, ", last training loss %.4f", run.history().lastTrainLoss()));
            }
            s.append(System.lineSeparator());
        }
        return s.toString();
    }
}
