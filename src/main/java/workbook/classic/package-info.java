/**
 * The classical time-series toolkit that recurrent networks are measured against: exploration
 * ({@link workbook.classic.Differencing}, {@link workbook.classic.Rolling},
 * {@link workbook.classic.SeasonalDecomposition}, {@link workbook.classic.Correlogram},
 * {@link workbook.classic.DickeyFuller}), baselines and metrics ({@link workbook.classic.Baselines},
 * {@link workbook.classic.Metrics}), walk-forward evaluation ({@link workbook.classic.Backtest}) and
 * models ({@link workbook.classic.ArModel} by least squares, {@link workbook.classic.ArimaModel} and the
 * seasonal {@link workbook.classic.SarimaModel} by exact maximum likelihood) with a residual check
 * ({@link workbook.classic.LjungBox}). Results are checked against statsmodels in the tests. For language
 * models the count-based baselines are {@link workbook.classic.UnigramModel} and {@link workbook.classic.NgramModel}.
 *
 * <p>May import: {@code workbook.data}, {@code workbook.display}.
 */
package workbook.classic;
