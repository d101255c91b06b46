/**
 * Recurrent networks written from scratch in plain Java (no DJL, no native code): the "see the machine" half
 * of the workbook. Every equation of the vanilla RNN, the LSTM and the GRU is a line of code in
 * {@code RnnCell}, {@code LstmCell}, {@code GruCell}, forward and backward side by side; backpropagation
 * through time is written by hand in {@code Layer}. Results equal PyTorch's (tests: float64 parity to 1e-9,
 * gradient checks to 1e-6), and the conventions are PyTorch's: batch-first inputs {@code [batch][time][features]},
 * states {@code [layers * directions][batch][hidden]}, LSTM gates i, f, g, o, GRU gates r, z, n with
 * h' = (1 − z) ⊙ n + z ⊙ h, two bias vectors per layer, U(−1/√H, 1/√H) initialisation, state_dict names.
 *
 * <pre>{@code
 * Recurrent lstm = Recurrent.lstm(1, 64).layers(2).bidirectional(true).seed(42).build();
 * SequenceOutput out = lstm.forward(x);                       // x: double[batch][time][features]
 * Model model = Model.builder(Recurrent.gru(1, 32).build()).outputs(1).optimizer(Optimizer.adam(0.01))
 *         .threads(2).build();                                 // each thread takes half of every batch
 * List<Double> losses = model.fit(x, y, Fit.epochs(20).batchSize(32)); // Fit: workbook.model, shared with DJL
 * GradientCheck.Result check = GradientCheck.check(model, x, y);
 * lstm.loadStateDict(Weights.fromPyTorchJson(Path.of("lstm.json")));
 * CharRnn text = CharRnn.builder(prideAndPrejudice).build(); text.train(5_000); text.sample("E", 300, 0.8, 1);
 * }</pre>
 *
 * <p>Speed: the matrix products and the exponentials are written so that the JIT turns them into vector
 * instructions. Java 17's JIT unrolls, and so vectorises, a loop only while its body stays under
 * {@code -XX:LoopUnrollLimit} nodes (60 by default); the two-row product kernel is bigger, and with the default it
 * is vectorised or left scalar depending on which shapes ran first (measured: a 4-feature LSTM 2,000 vs 3,400
 * sequences/s, a hidden-64 RNN 5,800 vs 13,000). The workbook's kernel, tests and {@code ./workbook bench} run with
 * {@code -XX:LoopUnrollLimit=120} (src/main/jvm/notebook-jvm.options); add it to your own JVM's options when you use
 * this package.
 *
 * <p>Entry points: {@link workbook.scratch.Recurrent} (networks), {@link workbook.scratch.Model} (network + dense
 * head + loss + optimiser, trained by {@code fit} with a {@link workbook.model.Fit}), {@link workbook.scratch.CharRnn},
 * {@link workbook.scratch.Optimizer}, {@link workbook.scratch.Loss}, {@link workbook.scratch.GradientClipping}, {@link workbook.scratch.GradientCheck},
 * {@link workbook.scratch.Weights}, {@link workbook.scratch.Trace}.
 *
 * <p>May import: {@code workbook.model}, {@code workbook.data}, {@code workbook.display}, {@code workbook.io}. Plain Java: no DJL, no Tablesaw.
 */
package workbook.scratch;
