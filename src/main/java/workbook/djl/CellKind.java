package workbook.djl;

/**
 * The recurrent cells, under their old DJL-only name.
 *
 * @deprecated both model families now share {@link workbook.model.CellKind} (same constants); this enum stays so
 * that older notebooks compile, and every method that takes it maps it by name.
 */
@Deprecated
public enum CellKind {
    RNN_TANH, RNN_RELU, LSTM, GRU;

    /** The shared kind of the same name. */
    public workbook.model.CellKind toCellKind() {
        return workbook.model.CellKind.valueOf(name());
    }

    /** @deprecated use {@link workbook.model.CellKind#gates()}. */
    @Deprecated
    public int gates() {
        return toCellKind().gates();
    }

    /** @deprecated use {@link workbook.model.CellKind#shortName()}. */
    @Deprecated
    public String shortName() {
        return toCellKind().shortName();
    }
}
