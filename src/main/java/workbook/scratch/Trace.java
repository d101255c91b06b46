package workbook.scratch;

import workbook.model.CellKind;

import java.util.Arrays;

/**
 * A copy of what happened inside a forward pass, for plots: the hidden state, the cell state (LSTM)
 * and each gate's activation at every time step, for every layer and direction. All arrays are
 * {@code [batch][time][hidden]} in real time order (also for the reverse direction).
 * Gate names: LSTM "i", "f", "g", "o"; GRU "r", "z", "n".
 */
public final class Trace {
    private final CellKind kind;
    private final String[] gateNames;
    private final int directions;
    /** [layer * directions + direction] → copies of the Steps arrays. */
    private final double[][][] hidden;
    private final double[][][] cell;
    private final double[][][] gates;
    private final int time;
    private final int batch;
    private final int hiddenSize;
    private final boolean[] reversed;

    Trace(Layer[][] layers, CellKind kind) {
        this.kind = kind;
        this.directions = layers[0].length;
        int count = layers.length * directions;
        this.hidden = new double[count][][];
        this.cell = new double[count][][];
        this.gates = new double[count][][];
        this.reversed = new boolean[count];
        Steps first = layers[0][0].steps();
        this.time = first.steps;
        this.batch = first.batch;
        this.hiddenSize = first.hidden;
        this.gateNames = layers[0][0].cell.gateNames();
        for (int l = 0; l < layers.length; l++) {
            for (int d = 0; d < directions; d++) {
                Steps s = layers[l][d].steps();
                int k = l * directions + d;
                // states after each step: rows from batch on (rows before are the initial state)
                hidden[k] = copy(s.h, batch);
                cell[k] = s.c == null ? null : copy(s.c, batch);
                gates[k] = s.gates == null ? null : copy(s.gates, 0);
                reversed[k] = layers[l][d].reverse;
            }
        }
    }

    /** h_t for every step of one layer and direction (0 forward, 1 reverse): {@code [batch][time][hidden]}. */
    public double[][][] hidden(int layer, int direction) {
        return block(hidden[index(layer, direction)], 0, layer, direction);
    }

    /** The LSTM cell state c_t, {@code [batch][time][hidden]}. */
    public double[][][] cell(int layer, int direction) {
        double[][] c = cell[index(layer, direction)];
        if (c == null) {
            throw new IllegalArgumentException("a " + kind + " has no cell state");
        }
        return block(c, 0, layer, direction);
    }

    /** One gate's activations, e.g. {@code gate(0, 0, "f")} for the LSTM forget gate: {@code [batch][time][hidden]}. */
    public double[][][] gate(int layer, int direction, String name) {
        int g = Arrays.asList(gateNames).indexOf(name);
        if (g < 0) {
            throw new IllegalArgumentException("a " + kind + " has gates " + Arrays.toString(gateNames) + ", not \"" + name + "\"");
        }
        return block(gates[index(layer, direction)], g * hiddenSize, layer, direction);
    }

    public String[] gateNames() {
        return gateNames.clone();
    }

    private int index(int layer, int direction) {
        int k = layer * directions + direction;
        if (layer < 0 || direction < 0 || direction >= directions || k >= hidden.length) {
            throw new IllegalArgumentException("no layer " + layer + ", direction " + direction + ": the network has "
                    + hidden.length / directions + " layers and " + directions + " directions");
        }
        return k;
    }

    private static double[][] copy(double[][] rows, int from) {
        double[][] out = new double[rows.length - from][];
        for (int r = from; r < rows.length; r++) {
            out[r - from] = rows[r].clone();
        }
        return out;
    }

    private double[][][] block(double[][] rows, int column, int layer, int direction) {
        boolean reverse = reversed[index(layer, direction)];
        double[][][] out = new double[batch][time][hiddenSize];
        for (int t = 0; t < time; t++) {
            int tau = reverse ? time - 1 - t : t;
            for (int b = 0; b < batch; b++) {
                System.arraycopy(rows[t * batch + b], column, out[b][tau], 0, hiddenSize);
            }
        }
        return out;
    }
}
