package workbook.check;

import org.junit.jupiter.api.Test;
import workbook.classic.Forecaster;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkers pass the reference solutions of notebook 02 and fail typical wrong answers with a hint. */
class Chapter02Test {

    static final Forecaster DRIFT = (history, horizon) -> {
        int n = history.length;
        double slope = (history[n - 1] - history[0]) / (n - 1);
        double[] f = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            f[h - 1] = history[n - 1] + h * slope;
        }
        return f;
    };

    static final Forecaster SEASONAL_NAIVE_12 = (history, horizon) -> {
        double[] f = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            f[h - 1] = history[history.length - 12 + (h - 1) % 12];
        }
        return f;
    };

    static final Forecaster AR1 = (history, horizon) -> {
        int m = history.length - 1;   // pairs (y_{t-1}, y_t)
        double meanX = 0;
        double meanY = 0;
        for (int t = 1; t < history.length; t++) {
            meanX += history[t - 1] / m;
            meanY += history[t] / m;
        }
        double sxy = 0;
        double sxx = 0;
        for (int t = 1; t < history.length; t++) {
            sxy += (history[t - 1] - meanX) * (history[t] - meanY);
            sxx += (history[t - 1] - meanX) * (history[t - 1] - meanX);
        }
        double phi = sxy / sxx;
        double c = meanY - phi * meanX;
        double[] f = new double[horizon];
        double last = history[history.length - 1];
        for (int h = 0; h < horizon; h++) {
            last = c + phi * last;
            f[h] = last;
        }
        return f;
    };

    @Test
    void drift() {
        Chapter03Test.Verdict ok = Chapter03Test.run(() -> Chapter02.check1(DRIFT));
        assertTrue(ok.passed(), ok.printed());
        assertEquals("PASSED exercise 1: your drift forecast (the line through the first and last values, extended) matches the reference on 5 inputs "
                + "(two values; a falling then rising history, one step; a flat history (no drift); a falling history, 4 steps; air passengers, 12 steps)", ok.printed());

        // slope over n instead of n - 1 steps
        Chapter03Test.Verdict wrongSlope = Chapter03Test.run(() -> Chapter02.check1((history, horizon) -> {
            int n = history.length;
            double[] f = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                f[h - 1] = history[n - 1] + h * (history[n - 1] - history[0]) / n;
            }
            return f;
        }));
        assertEquals("NOT YET exercise 1: on two values (input history [1.0, 2.0], horizon 3): expected [3.0, 4.0, 5.0], got [2.5, 3.0, 3.5]",
                wrongSlope.printed());
    }

    @Test
    void seasonalNaive() {
        Chapter03Test.Verdict ok = Chapter03Test.run(() -> Chapter02.check2(SEASONAL_NAIVE_12));
        assertTrue(ok.passed(), ok.printed());

        // correct for one season ahead only: runs off the history beyond h = 12
        Chapter03Test.Verdict oneSeason = Chapter03Test.run(() -> Chapter02.check2((history, horizon) -> {
            double[] f = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                f[h - 1] = history[Math.min(history.length - 12 + h - 1, history.length - 1)];
            }
            return f;
        }));
        assertFalse(oneSeason.passed());
        assertTrue(oneSeason.printed().contains("on a ramp, past one season (repeat again) (input history [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, ... (30 values)], horizon 13): expected "), oneSeason.printed());

        // persistence is not seasonal naive
        Chapter03Test.Verdict persistence = Chapter03Test.run(() -> Chapter02.check2((history, horizon) -> {
            double[] f = new double[horizon];
            Arrays.fill(f, history[history.length - 1]);
            return f;
        }));
        assertFalse(persistence.passed());
    }

    @Test
    void ar1() {
        Chapter03Test.Verdict ok = Chapter03Test.run(() -> Chapter02.check3(AR1));
        assertTrue(ok.passed(), ok.printed());

        // no intercept: the regression through the origin
        Chapter03Test.Verdict noIntercept = Chapter03Test.run(() -> Chapter02.check3((history, horizon) -> {
            double sxy = 0;
            double sxx = 0;
            for (int t = 1; t < history.length; t++) {
                sxy += history[t - 1] * history[t];
                sxx += history[t - 1] * history[t - 1];
            }
            double[] f = new double[horizon];
            double last = history[history.length - 1];
            for (int h = 0; h < horizon; h++) {
                last *= sxy / sxx;
                f[h] = last;
            }
            return f;
        }));
        assertFalse(noIntercept.passed());
        assertTrue(noIntercept.printed().startsWith("NOT YET exercise 3: on five values, 3 steps (input history [1.0, 3.0, 2.0, 5.0, 4.0], horizon 3): expected [3.5714285714285716, "), noIntercept.printed());

        // every step repeats the one-step forecast instead of feeding it back
        Chapter03Test.Verdict flat = Chapter03Test.run(() -> Chapter02.check3((history, horizon) -> {
            double[] f = AR1.forecast(history, 1);
            double[] out = new double[horizon];
            Arrays.fill(out, f[0]);
            return out;
        }));
        assertFalse(flat.passed());
        assertTrue(flat.printed().contains("(input history [1.0, 3.0, 2.0, 5.0, 4.0], horizon 3): expected [3.5714285714285716, 3.546938775510204, 3.5455393586005832], got [3.5714285714285716, 3.5714285714285716, 3.5714285714285716]"), flat.printed());
    }

    static final Chapter02.LjungBoxStatistic LJUNG_BOX_Q = (series, lags) -> {
        double[] r = workbook.classic.Correlogram.acf(series, lags).values();
        int n = series.length;
        double sum = 0;
        for (int k = 1; k <= lags; k++) {
            sum += r[k] * r[k] / (n - k);
        }
        return n * (n + 2.0) * sum;
    };

    @Test
    void ljungBoxQ() {
        Chapter03Test.Verdict ok = Chapter03Test.run(() -> Chapter02.check4(LJUNG_BOX_Q));
        assertTrue(ok.passed(), ok.printed());
        assertEquals("PASSED exercise 4: your Ljung-Box Q (n (n + 2) times the sum of r_k^2 / (n - k) over lags 1..h) matches the reference on 4 inputs "
                + "(eight values, one lag; eight values, three lags; noise around a mean of 5, ten lags; differenced log air passengers, 24 lags)",
                ok.printed());

        // Box-Pierce, n times the sum of r_k^2: close to Q for long series, not equal
        Chapter03Test.Verdict boxPierce = Chapter03Test.run(() -> Chapter02.check4((series, lags) -> {
            double[] r = workbook.classic.Correlogram.acf(series, lags).values();
            double sum = 0;
            for (int k = 1; k <= lags; k++) {
                sum += r[k] * r[k];
            }
            return series.length * sum;
        }));
        assertFalse(boxPierce.passed());
        assertTrue(boxPierce.printed().startsWith("NOT YET exercise 4: on eight values, one lag (input series [1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 5.0, 8.0], lags 1): expected "), boxPierce.printed());

        // autocorrelations without removing the mean
        Chapter03Test.Verdict notCentred = Chapter03Test.run(() -> Chapter02.check4((series, lags) -> {
            int n = series.length;
            double c0 = 0;
            for (double v : series) {
                c0 += v * v;
            }
            double sum = 0;
            for (int k = 1; k <= lags; k++) {
                double ck = 0;
                for (int t = k; t < n; t++) {
                    ck += series[t] * series[t - k];
                }
                sum += (ck / c0) * (ck / c0) / (n - k);
            }
            return n * (n + 2.0) * sum;
        }));
        assertFalse(notCentred.passed());
    }
}
