package dev.flinkjupyter.ml.evaluation;

import java.util.List;

/**
 * Weights (row counts) of every actual class against every predicted class.
 *
 * @param classes the class labels as text, in order (numbers ascending, else strings in order)
 * @param counts {@code counts[actual][predicted]}, indexed like {@code classes}
 */
public record ConfusionMatrix(List<String> classes, double[][] counts) {
    /** A matrix; {@code counts} must be square, one row per class. */
    public ConfusionMatrix {
        classes = List.copyOf(classes);
        if (counts.length != classes.size()) {
            throw new IllegalArgumentException("a confusion matrix needs one row per class");
        }
        double[][] copy = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != classes.size()) {
                throw new IllegalArgumentException("a confusion matrix needs one column per class");
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** The counts, a copy: {@code [actual][predicted]}. */
    @Override
    public double[][] counts() {
        double[][] copy = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The weight of rows of class {@code actual} predicted as {@code predicted}; unknown names fail. */
    public double count(String actual, String predicted) {
        return counts[index(actual)][index(predicted)];
    }

    private int index(String label) {
        int i = classes.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("no class '" + label + "'; the classes are " + String.join(", ", classes));
        }
        return i;
    }
}
