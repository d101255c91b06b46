package workbook.model;

/**
 * The seed every model takes when its builder is not given one, from scratch ({@code Recurrent}, {@code Model},
 * {@code CharRnn}) and DJL ({@code RecurrentModel}, {@code CharLanguageModel}, {@code ResidualDetector}) and
 * {@link Fit}: 42 unless {@link #use(long)} (or {@code workbook.djl.Seeds.use}, which calls it) changed it. A builder
 * reads it when it is created.
 */
public final class DefaultSeed {

    private static volatile long seed = 42;

    private DefaultSeed() {
    }

    public static long get() {
        return seed;
    }

    /** Sets the seed of every model built from now on without one; returns the seed that was in use. */
    public static long use(long newSeed) {
        long previous = seed;
        seed = newSeed;
        return previous;
    }
}
