package workbook.model;

/** Which steps of the recurrent layer the head sees. */
public enum Output {
    /** Many-to-one: the final state of each sequence (its last valid step when lengths are given); targets {@code [n][outputs]}. */
    LAST_STEP,
    /** Many-to-many: every step (e.g. per-step vocabulary logits); targets {@code [n][time][outputs]}. */
    EVERY_STEP
}
