/**
 * The words both model families speak: which cell ({@link workbook.model.CellKind}), which steps the head sees
 * ({@link workbook.model.Output}), how to train ({@link workbook.model.Fit}) and the program's default seed
 * ({@link workbook.model.DefaultSeed}). The from-scratch {@code workbook.scratch.Model} and the DJL
 * {@code workbook.djl.RecurrentModel} take the same values, so the DJL chapter reads as the scratch chapter's twin:
 * <pre>{@code
 * Model scratch = Model.builder(Recurrent.of(CellKind.LSTM, 1, 64).build()).output(Output.LAST_STEP).outputs(1).build();
 * scratch.fit(x, y, Fit.epochs(20).batchSize(32).clipGradientNorm(1.0));
 * RecurrentModel djl = RecurrentModel.of(CellKind.LSTM, 64).output(Output.LAST_STEP).outputs(1).build();
 * djl.fit(TrainData.of(x, y), Fit.epochs(20).batchSize(32).clipGradientNorm(1.0));
 * }</pre>
 *
 * <p>May import: nothing of the workbook. {@code scratch} and {@code djl} both stand on it.
 */
package workbook.model;
