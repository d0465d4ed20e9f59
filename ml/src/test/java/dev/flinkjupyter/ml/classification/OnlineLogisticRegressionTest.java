package dev.flinkjupyter.ml.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.online.OnlineRun;
import dev.flinkjupyter.ml.testing.LocalFlink;
import dev.flinkjupyter.ml.testing.LogisticStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class OnlineLogisticRegressionTest {
    static final RowTypeInfo ROWS = new RowTypeInfo(new TypeInformation<?>[] {
        BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO, Types.DOUBLE}, new String[] {"features", "label"});

    static Table stream(StreamTableEnvironment tEnv, long rows) {
        return tEnv.fromDataStream(LocalFlink.environmentOf(tEnv).fromSequence(0, rows - 1)
                .map(new LogisticStream(1)).returns(ROWS));
    }

    @Test
    void convergesTowardTheBatchModelOnAStationaryStream() {
        int n = 40_000;
        List<OnlineLogisticRegression.Version> versions = new ArrayList<>();
        try (OnlineRun<OnlineLogisticRegression.Version> run = OnlineRun.start(
                new OnlineLogisticRegression().setUpdateEvery(4000).train(stream(LocalFlink.streaming(2), n)))) {
            run.forEachRemaining(versions::add);
        }
        assertThat(versions).hasSize(10);
        assertThat(versions).extracting(OnlineLogisticRegression.Version::records)
                .containsExactly(4000L, 8000L, 12000L, 16000L, 20000L, 24000L, 28000L, 32000L, 36000L, 40000L);

        // the batch model: Smile's, on the same rows; both scored on held-out rows
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            Row row = LogisticStream.row(1, i);
            x[i] = LogisticStream.features(row);
            y[i] = (int) (double) (Double) row.getField(1);
        }
        smile.classification.LogisticRegression batch = smile.classification.LogisticRegression.binomial(x, y);
        OnlineLogisticRegressionModel online = versions.get(versions.size() - 1).toModel();
        int held = 20_000;
        int batchCorrect = 0;
        int onlineCorrect = 0;
        for (long i = n; i < n + held; i++) {
            Row row = LogisticStream.row(1, i);
            double[] features = LogisticStream.features(row);
            int label = (int) (double) (Double) row.getField(1);
            batchCorrect += batch.predict(features) == label ? 1 : 0;
            onlineCorrect += (online.predictProbability(features) >= 0.5 ? 1 : 0) == label ? 1 : 0;
        }
        double batchAccuracy = batchCorrect / (double) held;
        assertThat(onlineCorrect / (double) held).isCloseTo(batchAccuracy, within(0.01));
        assertThat(versions.get(versions.size() - 1).accuracy()).isCloseTo(batchAccuracy, within(0.02));
        assertThat(versions.get(versions.size() - 1).logLoss())
                .isLessThan(versions.get(0).logLoss() + 1e-9);
        assertThat(online.getCoefficients()).containsExactly(LogisticStream.WEIGHTS, within(0.25));
    }

    @Test
    void anEndlessStreamRunsUntilCancelled() throws Exception {
        StreamTableEnvironment tEnv = LocalFlink.streaming(1);
        Table endless = stream(tEnv, Long.MAX_VALUE);
        OnlineRun<OnlineLogisticRegression.Version> run =
                OnlineRun.start(new OnlineLogisticRegression().setUpdateEvery(500).train(endless));
        for (int i = 1; i <= 3; i++) {
            assertThat(run.next().version()).isEqualTo(i);
        }
        assertThat(run.latest()).get().extracting(OnlineLogisticRegression.Version::records).isEqualTo(1500L);
        run.close();
        JobStatus status = run.job().getJobStatus().get();
        while (!status.isGloballyTerminalState()) {
            Thread.sleep(50);
            status = run.job().getJobStatus().get();
        }
        assertThat(status).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void badLabelsFailTheJobWithAClearError() {
        StreamTableEnvironment tEnv = LocalFlink.streaming(1);
        Table rows = tEnv.fromDataStream(LocalFlink.environmentOf(tEnv)
                .fromData(List.of(Row.of(new Double[] {1.0}, 0.0), Row.of(new Double[] {2.0}, 2.0)), ROWS));
        assertThatThrownBy(() -> {
            try (OnlineRun<OnlineLogisticRegression.Version> run =
                    OnlineRun.start(new OnlineLogisticRegression().setUpdateEvery(1).train(rows))) {
                run.forEachRemaining(v -> { });
            }
        }).hasStackTraceContaining("label column 'label' holds 2.0; online logistic regression takes the labels 0 and 1");
        assertThatThrownBy(() -> new OnlineLogisticRegression().setFeaturesCol("label").train(rows))
                .hasMessageContaining("not a vector").hasMessageContaining("features ARRAY<DOUBLE>");
    }
}
