package workbook.classic;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds seasonal periods with the periodogram: how much of a series' variance sits at each frequency.
 * A strong weekly cycle in daily data is a peak at 1/7 cycles per day, i.e. a period of 7 days.
 *
 * <pre>{@code
 * Seasonality.Periodogram p = Seasonality.periodogram(births);
 * List<Seasonality.Peak> peaks = p.peaks(3);   // e.g. periods 7.0, 3.5, ~365 days
 * }</pre>
 *
 * The series is demeaned and zero-padded to the next power of two (Commons Math's FFT needs one), so the
 * frequency grid is k / nfft; the resolution is still about 1 / n: a period close to the series' length
 * is only roughly located.
 */
public final class Seasonality {

    private Seasonality() {
    }

    /**
     * Power at each frequency {@code k / nfft} for {@code k = 1 .. nfft/2} (cycles per step), the classic
     * periodogram {@code I_k = |Σ_t (y_t - ȳ) e^{-2πi k t / nfft}|² / n}; numpy's
     * {@code abs(rfft(y - y.mean(), nfft))**2 / n} without the zero frequency.
     */
    public record Periodogram(double[] frequency, double[] power, int observations, int nfft) {

        /** The period (in steps) of each frequency, {@code 1 / frequency}. */
        public double[] period() {
            return Arrays.stream(frequency).map(f -> 1 / f).toArray();
        }

        /**
         * The {@code count} strongest local maxima of the power (each higher than both neighbours), strongest
         * first. A maximum closer than {@code 2 / n} in frequency (the width of a peak's main lobe, n = observations)
         * to a stronger one is a side lobe of it, not a cycle of its own, and is skipped. Fewer when there are fewer.
         */
        public List<Peak> peaks(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, got " + count);
            }
            List<Peak> maxima = new ArrayList<>();
            for (int k = 0; k < power.length; k++) {
                boolean aboveLeft = k == 0 || power[k] > power[k - 1];
                boolean aboveRight = k == power.length - 1 || power[k] > power[k + 1];
                if (aboveLeft && aboveRight) {
                    maxima.add(new Peak(1 / frequency[k], frequency[k], power[k], power[k] / totalPower()));
                }
            }
            maxima.sort(Comparator.comparingDouble(Peak::power).reversed());
            List<Peak> chosen = new ArrayList<>();
            for (Peak candidate : maxima) {
                if (chosen.size() == count) {
                    break;
                }
                if (chosen.stream().allMatch(p -> Math.abs(p.frequency() - candidate.frequency()) >= 2.0 / observations)) {
                    chosen.add(candidate);
                }
            }
            return List.copyOf(chosen);
        }

        /** The sum of the power over all frequencies listed. */
        public double totalPower() {
            return Arrays.stream(power).sum();
        }
    }

    /**
     * One peak of the periodogram: its period (steps per cycle), frequency (cycles per step), power, and
     * share of the total power.
     */
    public record Peak(double period, double frequency, double power, double share) {
        @Override
        public String toString() {
            return String.format("period %.2f steps (frequency %.5f), %.1f%% of the power", period, frequency,
                    100 * share);
        }
    }

    /** The periodogram of {@code y} (at least 4 finite values, not constant). */
    public static Periodogram periodogram(double[] y) {
        SeriesChecks.atLeast(y, 4, "periodogram", "a cycle needs several points");
        double mean = SeriesChecks.mean(y);
        int nfft = Integer.highestOneBit(y.length);
        if (nfft < y.length) {
            nfft <<= 1;
        }
        double[] padded = new double[nfft];
        boolean constant = true;
        for (int t = 0; t < y.length; t++) {
            padded[t] = y[t] - mean;
            constant &= padded[t] == 0;
        }
        if (constant) {
            throw new IllegalArgumentException("periodogram: the series is constant (every value " + y[0]
                    + "); it has no cycles to find");
        }
        Complex[] spectrum = new FastFourierTransformer(DftNormalization.STANDARD).transform(padded, TransformType.FORWARD);
        int half = nfft / 2;
        double[] frequency = new double[half];
        double[] power = new double[half];
        for (int k = 1; k <= half; k++) {
            frequency[k - 1] = (double) k / nfft;
            double magnitude = spectrum[k].abs();
            power[k - 1] = magnitude * magnitude / y.length;
        }
        return new Periodogram(frequency, power, y.length, nfft);
    }
}
