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
        CheckResult ok = Chapter02.drift(DRIFT);
        assertTrue(ok.passed(), ok.toString());
        assertEquals("PASSED: drift: the line through the first and last values, extended (5 inputs checked)", ok.toString());

        // slope over n instead of n - 1 steps
        CheckResult wrongSlope = Chapter02.drift((history, horizon) -> {
            int n = history.length;
            double[] f = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                f[h - 1] = history[n - 1] + h * (history[n - 1] - history[0]) / n;
            }
            return f;
        });
        assertEquals("NOT YET: drift: for history [1, 2], horizon 3 expected [3, 4, 5] but got [2.50000, 3, 3.50000] (first difference at index 0)",
                wrongSlope.toString());
    }

    @Test
    void seasonalNaive() {
        CheckResult ok = Chapter02.seasonalNaive12(SEASONAL_NAIVE_12);
        assertTrue(ok.passed(), ok.toString());

        // correct for one season ahead only: runs off the history beyond h = 12
        CheckResult oneSeason = Chapter02.seasonalNaive12((history, horizon) -> {
            double[] f = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                f[h - 1] = history[Math.min(history.length - 12 + h - 1, history.length - 1)];
            }
            return f;
        });
        assertFalse(oneSeason.passed());
        assertTrue(oneSeason.message().contains("horizon 13 expected"), oneSeason.toString());

        // persistence is not seasonal naive
        CheckResult persistence = Chapter02.seasonalNaive12((history, horizon) -> {
            double[] f = new double[horizon];
            Arrays.fill(f, history[history.length - 1]);
            return f;
        });
        assertFalse(persistence.passed());
    }

    @Test
    void ar1() {
        CheckResult ok = Chapter02.ar1(AR1);
        assertTrue(ok.passed(), ok.toString());

        // no intercept: the regression through the origin
        CheckResult noIntercept = Chapter02.ar1((history, horizon) -> {
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
        });
        assertFalse(noIntercept.passed());
        assertTrue(noIntercept.toString().startsWith("NOT YET: AR(1): for history [1, 3, 2, 5, 4], horizon 3 expected"), noIntercept.toString());

        // every step repeats the one-step forecast instead of feeding it back
        CheckResult flat = Chapter02.ar1((history, horizon) -> {
            double[] f = AR1.forecast(history, 1);
            double[] out = new double[horizon];
            Arrays.fill(out, f[0]);
            return out;
        });
        assertFalse(flat.passed());
        assertTrue(flat.message().contains("first difference at index 1"), flat.toString());
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
        CheckResult ok = Chapter02.ljungBoxQ(LJUNG_BOX_Q);
        assertTrue(ok.passed(), ok.toString());
        assertEquals("PASSED: Ljung-Box Q: n (n + 2) times the sum of r_k^2 / (n - k) over lags 1..h (4 inputs checked)",
                ok.toString());

        // Box-Pierce, n times the sum of r_k^2: close to Q for long series, not equal
        CheckResult boxPierce = Chapter02.ljungBoxQ((series, lags) -> {
            double[] r = workbook.classic.Correlogram.acf(series, lags).values();
            double sum = 0;
            for (int k = 1; k <= lags; k++) {
                sum += r[k] * r[k];
            }
            return series.length * sum;
        });
        assertFalse(boxPierce.passed());
        assertTrue(boxPierce.message().contains("lags 1 expected"), boxPierce.toString());

        // autocorrelations without removing the mean
        CheckResult notCentred = Chapter02.ljungBoxQ((series, lags) -> {
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
        });
        assertFalse(notCentred.passed());
    }
}
