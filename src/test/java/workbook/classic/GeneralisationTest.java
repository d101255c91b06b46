package workbook.classic;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import workbook.data.Columns;
import workbook.data.Datasets;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two recipes of notebook 09 ({@link CalendarRegression#demandRecipe}, {@link CalendarRegression#weatherRecipe}),
 * fixed on the notebook's own data, run unchanged on daily series the notebook never uses: they must beat the
 * strongest simple baseline there too, in a walk-forward backtest over a whole year of origins.
 */
class GeneralisationTest {

    @Test
    void demandRecipeBeatsTheBestSimpleBaselineOnBirths1969to1988() {
        Table births = Datasets.usBirths1969to1988();
        LocalDate[] dates = Columns.dates(births, "date");
        int first = Arrays.asList(dates).indexOf(LocalDate.of(1984, 1, 1));
        double[] y = Arrays.copyOfRange(Columns.doubles(births, "births"), first, dates.length);
        int origin = Arrays.asList(dates).indexOf(LocalDate.of(1988, 1, 1)) - first;
        Map<String, Forecaster> baselines = new LinkedHashMap<>();
        baselines.put("persistence", Baselines.persistence());
        baselines.put("seasonal naive (7)", Baselines.seasonalNaive(7));
        baselines.put("same weekday last year (364)", Baselines.seasonalNaive(364));
        baselines.put("seasonal mean (7)", Baselines.seasonalMean(7));
        baselines.put("drift", Baselines.drift());
        assertBeatsBaselines("births 1969-1988", y, origin, 14,
                CalendarRegression.demandRecipe(dates[first]).forecaster(), baselines);
    }

    @Test
    void weatherRecipeBeatsTheBestSimpleBaselineOnNewYorkTemperatures() {
        Table weather = Datasets.weather("New York");
        LocalDate[] dates = Columns.dates(weather, "date");
        double[] y = Columns.doubles(weather, "temp_max");
        int origin = Arrays.asList(dates).indexOf(LocalDate.of(2015, 1, 1));
        Map<String, Forecaster> baselines = new LinkedHashMap<>();
        baselines.put("persistence", Baselines.persistence());
        baselines.put("same day last year (365)", Baselines.seasonalNaive(365));
        baselines.put("seasonal mean (365)", Baselines.seasonalMean(365));
        baselines.put("mean", Baselines.mean());
        baselines.put("drift", Baselines.drift());
        assertBeatsBaselines("New York temp_max", y, origin, 7,
                CalendarRegression.weatherRecipe(dates[0]).forecaster(), baselines);
    }

    private static void assertBeatsBaselines(String series, double[] y, int origin, int horizon, Forecaster recipe,
            Map<String, Forecaster> baselines) {
        Backtest backtest = Backtest.rollingOrigin(origin).horizon(horizon).step(7).compare("recipe", recipe);
        baselines.forEach(backtest::compare);
        Backtest.Result result = backtest.run(y);
        System.out.println(series + "\n" + result.rounded(3));
        assertTrue(result.summary().intColumn("folds").get(0) >= 36, "at least 36 origins");
        for (String metric : new String[]{"mae", "rmse"}) {
            double recipeError = result.mean("recipe", metric);
            for (String baseline : baselines.keySet()) {
                assertTrue(recipeError < result.mean(baseline, metric), series + ": recipe " + metric + " "
                        + recipeError + " is not below " + baseline + "'s " + result.mean(baseline, metric));
            }
        }
    }
}
