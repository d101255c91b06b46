package workbook.scratch;

import java.util.List;

/**
 * What {@link Training} and {@link DataParallel} need of a model: its network, its parameters, its optimiser and one
 * forward and backward pass. {@link Model} hands them this view of itself, so the training classes never name
 * {@code Model} and the two sides do not depend on each other in a loop.
 */
interface Trainable {

    Recurrent recurrent();

    /** The recurrent parameters followed by the head's. */
    List<Parameter> parameters();

    Optimizer optimizer();

    /** Whether the head (and the loss) reads every step, rather than only the last one. */
    boolean everyStep();

    /**
     * Zeroes the gradients, then forward, loss and BPTT on time-major rows x {@code [time * batch][features]},
     * y {@code [(time or 1) * batch][outputs]}, from the states h0, c0 (null = zero); returns the loss.
     */
    double forwardBackward(double[][] x, double[][] y, int time, int batch, double[][] h0, double[][] c0);

    /** A model of the same shape with its own parameters and buffers: a worker of data-parallel training. */
    Trainable sameShape();
}
