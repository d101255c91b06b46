/**
 * Recurrent networks on DJL (PyTorch engine), Keras-short but real DJL underneath: the "fast way" after the
 * from-scratch chapter.
 *
 * <pre>{@code
 * try (RecurrentModel model = RecurrentModel.lstm(64).layers(1).output(Output.LAST_STEP).outputs(1).build()) {
 *     History h = model.fit(TrainData.of(data.train()), TrainData.of(data.validation()),
 *             Fit.epochs(20).batchSize(32).learningRate(1e-3).patience(3).clipGradientNorm(1.0).seed(42));
 *     h.plot();                                                  // train/validation loss per epoch
 *     double[] forecast = Forecasts.oneStep(model, data.test().inputs(), data.scaler());
 * }
 * }</pre>
 * The cell kind, the output and the training options are the words of {@code workbook.model} ({@code CellKind},
 * {@code Output}, {@code Fit}), the same as the from-scratch {@code workbook.scratch.Model}'s.
 *
 * <ul>
 *   <li>{@link workbook.djl.RecurrentModel}: RNN (tanh/ReLU), LSTM, GRU; layers, bidirectional, dropout between
 *       layers; last step (many-to-one) or every step (many-to-many); regression ({@code outputs(n)}, MSE) or
 *       classes ({@code classes(n)}, softmax cross-entropy); fit / predict / evaluate / save / load; PyTorch weights
 *       with {@code loadStateDict} (a module's {@code state_dict} as JSON) and back with {@code stateDict()}.</li>
 *   <li>{@link workbook.djl.Seeds}: {@code Seeds.use(seed)}, one seed for every model of the program built without
 *       one, from-scratch and DJL alike; training once per seed to see the spread.</li>
 *   <li>{@link workbook.djl.TrainData}: arrays {@code [batch][time][features]} (or {@code workbook.data} windows),
 *       optional lengths for padded variable-length sequences; shapes checked before native code.</li>
 *   <li>{@link workbook.model.Fit} and {@link workbook.djl.History}: the options of the training loop (Adam,
 *       global-norm clipping, early stopping with best-weights restore, seeds, live progress, clean interrupt)
 *       and its per-epoch table.</li>
 *   <li>{@link workbook.djl.Forecasts}: one-step, recursive and direct forecasts in the series' units, and a
 *       {@code workbook.classic.Forecaster} for backtests next to the baselines.</li>
 *   <li>{@link workbook.djl.CharLanguageModel}: next-character model, perplexity, sampling with temperature.</li>
 *   <li>{@link workbook.djl.AttentionModel} / {@link workbook.djl.AttentionSeq2Seq}: encoder–decoder with
 *       additive (Bahdanau) attention and the attention weights as a heatmap.</li>
 *   <li>{@link workbook.djl.RecurrentBlock}: the DJL block underneath, usable alone ({@link workbook.djl.RecurrentOutput}
 *       names its outputs).</li>
 * </ul>
 *
 * <p>What this package works around in DJL 0.36 / libtorch 2.7.1 (CPU), each covered by a test:
 * bidirectional layers with biases get their parameters in the wrong order (RecurrentBlock registers them in
 * PyTorch's order and runs each direction itself); {@code sequenceMask} is not implemented (masking is done
 * with lengths: reverse within length, gather the last valid step, masked losses); {@code RNN.builder()}
 * without an activation throws (the activation is always explicit); {@code optClipGrad} clips elements, not
 * the global norm (the fit loop clips the global norm); {@code NDArrays.concat} of a single array returns a copy
 * without gradient; and libtorch's CPU inference LSTM kernel (autograd off) returned wrong outputs for hidden
 * sizes up to 16 (the LSTM op runs with autograd on). And for speed: glibc's malloc gave libtorch's freed
 * tensors back to the system after every batch, which made LSTM epochs 2-4 times slower at random
 * ({@code NativeMemory} keeps freed memory); a tanh/ReLU RNN layer adds its bias sum through the input projection
 * (one product per step instead of a product and an add).
 *
 * <p>May import: {@code workbook.model}, {@code workbook.scratch}, {@code workbook.data}, {@code workbook.classic}, {@code workbook.display}, {@code workbook.io}, {@code workbook.plot}.
 * It uses {@code scratch} only for weight transfer and parity; {@code scratch} never imports this package.
 */
package workbook.djl;
