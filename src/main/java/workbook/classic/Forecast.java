package workbook.classic;

import java.util.Locale;

/** Point forecasts for steps 1..h with the bounds of a prediction interval (95% unless said otherwise). */
public record Forecast(double[] mean, double[] lower, double[] upper, double level) {

    public int horizon() {
        return mean.length;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "step  forecast  [%.0f%% interval]%n", level * 100));
        for (int h = 0; h < mean.length; h++) {
            s.append(String.format(Locale.ROOT, "%4d  %10.4f  [%.4f, %.4f]%n", h + 1, mean[h], lower[h], upper[h]));
        }
        return s.toString();
    }
}
