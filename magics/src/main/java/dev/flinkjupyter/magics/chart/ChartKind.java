package dev.flinkjupyter.magics.chart;

/** The charts {@code %chart} draws. */
public enum ChartKind {
    /** y over numeric or time x, points joined in x order. */
    line,
    /** one bar per x value (a category) and y column. */
    bar,
    /** y over numeric or time x, points only. */
    scatter,
    /** how the values of a numeric column spread over equal bins, counted by Flink. */
    hist,
    /** one slice per x value, as large as its y. */
    pie;

    /** Whether the x column is a number or a time, not a label. */
    boolean needsContinuousX() {
        return this == line || this == scatter;
    }
}
