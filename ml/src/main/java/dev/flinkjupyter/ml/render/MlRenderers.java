package dev.flinkjupyter.ml.render;

import dev.flinkjupyter.display.RendererProvider;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.ml.TrainingHistory;
import dev.flinkjupyter.ml.classification.LinearSVCModel;
import dev.flinkjupyter.ml.classification.LogisticRegressionModel;
import dev.flinkjupyter.ml.classification.NaiveBayesModel;
import dev.flinkjupyter.ml.classification.OnlineLogisticRegressionModel;
import dev.flinkjupyter.ml.clustering.ClusteringMetrics;
import dev.flinkjupyter.ml.clustering.KMeansModel;
import dev.flinkjupyter.ml.feature.ImputerModel;
import dev.flinkjupyter.ml.feature.MinMaxScalerModel;
import dev.flinkjupyter.ml.feature.OneHotEncoderModel;
import dev.flinkjupyter.ml.feature.StandardScalerModel;
import dev.flinkjupyter.ml.feature.StringIndexerModel;
import dev.flinkjupyter.ml.regression.LinearRegressionModel;
import dev.flinkjupyter.ml.evaluation.BinaryClassificationMetrics;
import dev.flinkjupyter.ml.evaluation.EvaluationViews;
import dev.flinkjupyter.ml.evaluation.MulticlassClassificationMetrics;
import dev.flinkjupyter.ml.evaluation.RegressionMetrics;

/**
 * The ml module's renderers, found by the display through
 * {@code META-INF/services/dev.flinkjupyter.display.RendererProvider}: a model shows its learned
 * values as a table (feature models too: scalers, indexer, encoder, imputer), clustering metrics show the cluster sizes, a training history its loss curve.
 */
public final class MlRenderers implements RendererProvider {
    @Override
    public void registerInto(Renderers renderers) {
        renderers.register(KMeansModel.class, (model, context) -> ModelTables.centres(model, context.maxRows()).bundle());
        renderers.register(NaiveBayesModel.class,
                (model, context) -> ModelTables.classes(model, context.maxRows()).bundle());
        renderers.register(OnlineLogisticRegressionModel.class,
                (model, context) -> ModelTables.coefficients(model, context.maxRows()).bundle());
        renderers.register(ClusteringMetrics.class,
                (metrics, context) -> ModelTables.metrics(metrics, context.maxRows()).bundle());
        renderers.register(LinearRegressionModel.class,
                (model, context) -> LinearModelTables.linearRegression(model, context.maxRows()).bundle());
        renderers.register(LogisticRegressionModel.class,
                (model, context) -> LinearModelTables.logisticRegression(model, context.maxRows()).bundle());
        renderers.register(LinearSVCModel.class,
                (model, context) -> LinearModelTables.linearSvc(model, context.maxRows()).bundle());
        renderers.register(StandardScalerModel.class,
                (model, context) -> FeatureModelTables.standardScaler(model, context.maxRows()).bundle());
        renderers.register(MinMaxScalerModel.class,
                (model, context) -> FeatureModelTables.minMaxScaler(model, context.maxRows()).bundle());
        renderers.register(StringIndexerModel.class,
                (model, context) -> FeatureModelTables.stringIndexer(model, context.maxRows()).bundle());
        renderers.register(OneHotEncoderModel.class,
                (model, context) -> FeatureModelTables.oneHotEncoder(model, context.maxRows()).bundle());
        renderers.register(ImputerModel.class,
                (model, context) -> FeatureModelTables.imputer(model, context.maxRows()).bundle());
        renderers.register(TrainingHistory.class, TrainingCurves::render);
        renderers.register(BinaryClassificationMetrics.class, (metrics, context) -> EvaluationViews.bundle(metrics));
        renderers.register(MulticlassClassificationMetrics.class,
                (metrics, context) -> EvaluationViews.bundle(metrics, context.maxRows()));
        renderers.register(RegressionMetrics.class, (metrics, context) -> EvaluationViews.bundle(metrics));
    }
}
