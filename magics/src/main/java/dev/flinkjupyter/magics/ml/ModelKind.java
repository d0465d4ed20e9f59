package dev.flinkjupyter.magics.ml;

/** What a model predicts, which decides how it is scored and drawn. */
public enum ModelKind {
    /** A number: scored by RMSE, MAE, R2. */
    REGRESSION,
    /** A class: scored by accuracy, F1, a confusion matrix, and for two classes AUC and a ROC curve. */
    CLASSIFICATION,
    /** A cluster: scored by inertia, cluster sizes, silhouette. */
    CLUSTERING
}
