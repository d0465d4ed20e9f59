package dev.flinkjupyter.ml.online;

import dev.flinkjupyter.ml.Model;
import java.util.Map;

/**
 * One version of a model that an online estimator emits while data flows, with the prequential
 * (test-then-train) metrics of the records that led to it: each record was first scored by the
 * model as it stood, then learned from.
 *
 * @param <M> the batch model a version becomes, to transform tables or save
 */
public interface ModelVersion<M extends Model<M>> {
    /** The version number, from 1. */
    long version();

    /** How many records the model has learned from, in all. */
    long records();

    /** The prequential metrics over the window of records since the previous version, by name, in a fixed order. */
    Map<String, Double> metrics();

    /** This version as a model, to transform tables, evaluate or save. */
    M toModel();
}
