package workbook.classic;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A daily series as "what the calendar says" plus a short-memory residual (dynamic harmonic
 * regression, Hyndman and Athanasopoulos, FPP §10.5):
 * <pre>  y_t = b_0 + Σ_d w_d [weekday_t = d] + Σ_k (a_k sin 2πk j_t/365.25 + c_k cos 2πk j_t/365.25)
 *             + Σ_h u_h [t is holiday h] + e_t,     e_t = AR(p)</pre>
 * The calendar part is fitted by least squares on the last {@code trailingDays} of the history,
 * the AR order of its residual is chosen by AIC, and a forecast is the calendar part of the future
 * dates plus the AR forecast of the residual, with the AR's prediction interval (which ignores the
 * uncertainty of the calendar coefficients, so it is a little narrow).
 *
 * <p>The two presets are the recipes of notebook 09, fixed before looking at any test period and
 * checked on other series by {@code GeneralisationTest}:
 * <pre>{@code
 * Forecaster demand = CalendarRegression.demandRecipe(firstDate).forecaster();   // weekday + year + holidays
 * Forecaster weather = CalendarRegression.weatherRecipe(firstDate).forecaster(); // smooth climatology + anomaly
 * }</pre>
 * The series must be daily without gaps: value {@code t} belongs to {@code firstDate + t days}.
 */
public final class CalendarRegression {

    private final LocalDate firstDate;
    private boolean weekdays;
    private int yearlyHarmonics;
    private boolean usHolidays;
    private int maxArOrder = 14;
    private int trailingDays = Integer.MAX_VALUE;

    private CalendarRegression(LocalDate firstDate) {
        if (firstDate == null) {
            throw new IllegalArgumentException("firstDate is null: the regression needs the date of the first value");
        }
        this.firstDate = firstDate;
    }

    /** A regression on nothing but a constant yet; add terms with the methods below. */
    public static CalendarRegression daily(LocalDate firstDate) {
        return new CalendarRegression(firstDate);
    }

    /**
     * Daily demand (births, sales, traffic): weekday effects, 4 yearly harmonics, US holidays, an AR
     * residual of order up to 14, fitted on the last 3 years.
     */
    public static CalendarRegression demandRecipe(LocalDate firstDate) {
        return daily(firstDate).weekdays().yearlyHarmonics(4).usHolidays().maxArOrder(14).trailingDays(3 * 365);
    }

    /**
     * Daily weather (a temperature): a smooth climatology of 3 yearly harmonics and an AR anomaly of
     * order up to 14, fitted on all the history; no weekdays, no holidays (the weather keeps no calendar).
     */
    public static CalendarRegression weatherRecipe(LocalDate firstDate) {
        return daily(firstDate).yearlyHarmonics(3).maxArOrder(14);
    }

    /** Adds one effect per weekday (Monday is the reference). */
    public CalendarRegression weekdays() {
        this.weekdays = true;
        return this;
    }

    /** Adds {@code k} sine/cosine pairs of the year (periods 365.25/1 .. 365.25/k days). */
    public CalendarRegression yearlyHarmonics(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("yearly harmonics must be 0 or more, got " + k);
        }
        this.yearlyHarmonics = k;
        return this;
    }

    /** Adds one effect per US holiday of {@link #US_HOLIDAYS} (on its calendar date, not an observed weekday). */
    public CalendarRegression usHolidays() {
        this.usHolidays = true;
        return this;
    }

    /** The largest AR order of the residual tried by AIC (0: no residual model, the calendar alone). */
    public CalendarRegression maxArOrder(int p) {
        if (p < 0) {
            throw new IllegalArgumentException("maxArOrder must be 0 or more, got " + p);
        }
        this.maxArOrder = p;
        return this;
    }

    /** Fits on the last {@code days} of the history only (a level that moves over the years). */
    public CalendarRegression trailingDays(int days) {
        if (days < 30) {
            throw new IllegalArgumentException("trailingDays must be at least 30, got " + days);
        }
        this.trailingDays = days;
        return this;
    }

    /** The holidays {@link #usHolidays()} adds, in column order. */
    public static final List<String> US_HOLIDAYS = List.of("New Year's Day", "Memorial Day", "Independence Day",
            "Labor Day", "Thanksgiving", "day after Thanksgiving", "Christmas Eve", "Christmas", "December 26",
            "New Year's Eve");

    /** The holiday of {@link #US_HOLIDAYS} that {@code date} is, or -1. */
    public static int usHoliday(LocalDate date) {
        int year = date.getYear();
        LocalDate thanksgiving = LocalDate.of(year, Month.NOVEMBER, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        LocalDate[] days = {
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                LocalDate.of(year, 7, 4),
                LocalDate.of(year, Month.SEPTEMBER, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
                thanksgiving,
                thanksgiving.plusDays(1),
                LocalDate.of(year, 12, 24),
                LocalDate.of(year, 12, 25),
                LocalDate.of(year, 12, 26),
                LocalDate.of(year, 12, 31)};
        for (int h = 0; h < days.length; h++) {
            if (days[h].equals(date)) {
                return h;
            }
        }
        return -1;
    }

    /** This recipe as a {@link Forecaster}: refitted on the history at every call, so a backtest cannot leak. */
    public Forecaster forecaster() {
        return (history, horizon) -> fit(history).forecast(horizon).mean();
    }

    /** Fits the calendar part and the residual AR on {@code history} (value t on {@code firstDate + t}). */
    public Fitted fit(double[] history) {
        SeriesChecks.finite(history, "calendar regression");
        int start = Math.max(0, history.length - trailingDays);
        int rows = history.length - start;
        int columns = 1 + features(firstDate).length;
        SeriesChecks.atLeast(history, Math.max(2 * columns, 3 * maxArOrder + 10), "calendar regression with "
                + columns + " coefficients and AR order up to " + maxArOrder, "enough days for every coefficient");
        double[][] x = new double[rows][];
        double[] y = Arrays.copyOfRange(history, start, history.length);
        for (int i = 0; i < rows; i++) {
            x[i] = features(firstDate.plusDays(start + i));
        }
        boolean[] used = columnsThatVary(x);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, keep(x, used));
        double[] beta;
        try {
            beta = ols.estimateRegressionParameters();
        } catch (RuntimeException e) {
            throw new ModelFitException("the calendar regression cannot be fitted: its columns are collinear ("
                    + e.getMessage() + ")", e);
        }
        double[] residual = ols.estimateResiduals();
        ArModel ar = maxArOrder == 0 ? null
                : ArModel.fit(residual, ArModel.selectOrder(residual, maxArOrder).intColumn("p").get(0));
        return new Fitted(this, beta, used, ar, residual, history.length);
    }

    /** A fitted recipe: forecasts from the end of the history it was fitted on. */
    public static final class Fitted {
        private final CalendarRegression recipe;
        private final double[] beta;
        private final boolean[] used;
        private final ArModel residualAr;
        private final double[] residual;
        private final int historyLength;

        private Fitted(CalendarRegression recipe, double[] beta, boolean[] used, ArModel residualAr, double[] residual,
                int historyLength) {
            this.recipe = recipe;
            this.beta = beta;
            this.used = used;
            this.residualAr = residualAr;
            this.residual = residual;
            this.historyLength = historyLength;
        }

        /** The calendar part alone on day {@code t} (counted from the first date): the regression's value. */
        public double calendarPart(int t) {
            double[] f = recipe.features(recipe.firstDate.plusDays(t));
            double v = beta[0];
            int b = 1;
            for (int j = 0; j < f.length; j++) {
                if (used[j]) {
                    v += beta[b++] * f[j];
                }
            }
            return v;
        }

        /** The residual's AR order chosen by AIC (0 when the recipe has none). */
        public int arOrder() {
            return residualAr == null ? 0 : residualAr.order();
        }

        /** Forecasts with a 95% interval. */
        public Forecast forecast(int horizon) {
            return forecast(horizon, 0.95);
        }

        /** Calendar part of the next {@code horizon} days plus the AR forecast of the residual, with its interval. */
        public Forecast forecast(int horizon, double level) {
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
            }
            Forecast anomaly = residualAr != null ? residualAr.forecast(horizon, level) : whiteNoise(horizon, level);
            double[] mean = new double[horizon];
            double[] lower = new double[horizon];
            double[] upper = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                double calendar = calendarPart(historyLength + h);
                mean[h] = calendar + anomaly.mean()[h];
                lower[h] = calendar + anomaly.lower()[h];
                upper[h] = calendar + anomaly.upper()[h];
            }
            return new Forecast(mean, lower, upper, level);
        }

        private Forecast whiteNoise(int horizon, double level) {
            double sd = Math.sqrt(Arrays.stream(residual).map(e -> e * e).sum() / residual.length);
            double z = new org.apache.commons.math3.distribution.NormalDistribution()
                    .inverseCumulativeProbability(0.5 + level / 2);
            double[] lower = new double[horizon];
            double[] upper = new double[horizon];
            Arrays.fill(lower, -z * sd);
            Arrays.fill(upper, z * sd);
            return new Forecast(new double[horizon], lower, upper, level);
        }
    }

    /** The regressors of one date (without the constant). */
    double[] features(LocalDate date) {
        List<Double> f = new ArrayList<>();
        if (weekdays) {
            int dow = date.getDayOfWeek().getValue();   // 1 = Monday, the reference
            for (int d = 2; d <= 7; d++) {
                f.add(dow == d ? 1.0 : 0.0);
            }
        }
        for (int k = 1; k <= yearlyHarmonics; k++) {
            double angle = 2 * Math.PI * k * (date.getDayOfYear() - 1) / 365.25;
            f.add(Math.sin(angle));
            f.add(Math.cos(angle));
        }
        if (usHolidays) {
            int holiday = usHoliday(date);
            for (int h = 0; h < US_HOLIDAYS.size(); h++) {
                f.add(holiday == h ? 1.0 : 0.0);
            }
        }
        return f.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A holiday absent from the fitted days has a column of zeros: leave it out rather than fail. */
    private static boolean[] columnsThatVary(double[][] x) {
        boolean[] varies = new boolean[x[0].length];
        for (int j = 0; j < varies.length; j++) {
            for (double[] row : x) {
                if (row[j] != x[0][j]) {
                    varies[j] = true;
                    break;
                }
            }
        }
        return varies;
    }

    private static double[][] keep(double[][] x, boolean[] used) {
        int count = 0;
        for (boolean u : used) {
            count += u ? 1 : 0;
        }
        double[][] out = new double[x.length][count];
        for (int i = 0; i < x.length; i++) {
            int c = 0;
            for (int j = 0; j < used.length; j++) {
                if (used[j]) {
                    out[i][c++] = x[i][j];
                }
            }
        }
        return out;
    }
}
