/**
 * Machine learning on Flink: estimators that train where the data is, models, feature
 * transformers and evaluators, in the shape of Flink ML's API.
 */
package dev.flinkjupyter.ml;
