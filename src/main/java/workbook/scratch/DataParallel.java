package workbook.scratch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Data-parallel forward and backward: a batch is cut into shares of sequences, one per thread; the model computes
 * the first share, workers of the same shape (copies of its weights) the others, and the shares' gradients are
 * added up, each weighted by (its sequences) / (batch). A batch's mean gradient is the weighted mean of its shares'
 * mean gradients, so the result equals one thread's up to rounding (the loss must average over rows, as MSE and
 * CROSS_ENTROPY do). Close it to stop its threads.
 */
final class DataParallel implements AutoCloseable {
    private final Trainable model;
    private final int threads;
    /** Models of the same shape that compute the gradients of the other shares of a batch. */
    private final List<Trainable> workers = new ArrayList<>();
    private final ExecutorService pool;

    DataParallel(Trainable model, int threads) {
        this.model = model;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads - 1, DataParallel::workerThread);
    }

    private static Thread workerThread(Runnable task) {
        Thread thread = new Thread(task, "scratch-training-worker");
        thread.setDaemon(true);
        return thread;
    }

    /** {@link Trainable#forwardBackward} from zero states with the batch cut into shares, one per thread. */
    double forwardBackward(double[][] x, double[][] y, int time, int batch) {
        int shares = Math.min(threads, batch);
        while (workers.size() < shares - 1) {
            workers.add(model.sameShape());
        }
        int targetSteps = model.everyStep() ? time : 1;
        List<Parameter> parameters = model.parameters();
        // share k holds sequences start[k] .. start[k + 1]
        int[] start = new int[shares + 1];
        for (int k = 0; k <= shares; k++) {
            start[k] = k * batch / shares;
        }
        List<Future<Double>> results = new ArrayList<>();
        for (int k = 1; k < shares; k++) {
            Trainable worker = workers.get(k - 1);
            int size = start[k + 1] - start[k];
            copyValues(parameters, worker.parameters());
            double[][] xs = share(x, time, batch, start[k], size);
            double[][] ys = share(y, targetSteps, batch, start[k], size);
            results.add(pool.submit(() -> worker.forwardBackward(xs, ys, time, size, null, null)));
        }
        int ownSize = start[1];
        double weight = (double) ownSize / batch;
        double value = weight * model.forwardBackward(share(x, time, batch, 0, ownSize),
                share(y, targetSteps, batch, 0, ownSize), time, ownSize, null, null);
        for (Parameter p : parameters) {
            scale(p.gradient(), weight);
        }
        for (int k = 1; k < shares; k++) {
            double shareWeight = (double) (start[k + 1] - start[k]) / batch;
            value += shareWeight * await(results.get(k - 1));
            List<Parameter> workerParameters = workers.get(k - 1).parameters();
            for (int i = 0; i < parameters.size(); i++) {
                addScaled(workerParameters.get(i).gradient(), shareWeight, parameters.get(i).gradient());
            }
        }
        return value;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Rows of sequences {@code from .. from + size} of time-major rows {@code [steps * batch][..]} (the same row arrays). */
    private static double[][] share(double[][] rows, int steps, int batch, int from, int size) {
        double[][] out = new double[steps * size][];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(rows, t * batch + from, out, t * size, size);
        }
        return out;
    }

    /** A worker's result; an interrupt meanwhile is kept for the next checkpoint, so the batch finishes whole. */
    private static double await(Future<Double> result) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void copyValues(List<Parameter> from, List<Parameter> to) {
        for (int i = 0; i < from.size(); i++) {
            System.arraycopy(from.get(i).value(), 0, to.get(i).value(), 0, from.get(i).size());
        }
    }

    private static void scale(double[] values, double factor) {
        for (int k = 0; k < values.length; k++) {
            values[k] *= factor;
        }
    }

    private static void addScaled(double[] from, double factor, double[] to) {
        for (int k = 0; k < to.length; k++) {
            to[k] += factor * from[k];
        }
    }
}
