package dev.flinkjupyter.ml.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.online.OnlineRun;
import dev.flinkjupyter.ml.testing.LocalFlink;
import dev.flinkjupyter.ml.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.Table;
import org.junit.jupiter.api.Test;

class OnlineKMeansTest {
    @Test
    void followsAStationaryStreamToItsCentres() {
        double[][] truth = {{0, 0}, {8, 0}, {0, 8}};
        double sd = 0.5;
        Table stream = Synthetic.table(LocalFlink.streaming(2), Synthetic.blobs(truth, 2000, sd, 4), null);
        List<OnlineKMeans.Version> versions = new ArrayList<>();
        try (OnlineRun<OnlineKMeans.Version> run = OnlineRun.start(
                new OnlineKMeans().setK(3).setBatchSize(500).setSeed(2).train(stream))) {
            run.forEachRemaining(versions::add);
        }
        assertThat(versions).hasSize(12);
        assertThat(versions.get(0).inertia()).isNaN();
        OnlineKMeans.Version last = versions.get(versions.size() - 1);
        // the expected squared distance of a point to its own centre is dim * sd^2
        assertThat(last.inertia()).isCloseTo(2 * sd * sd, within(0.1));
        double[][] found = KMeansTest.sorted(last.centres());
        double[][] expected = KMeansTest.sorted(truth);
        for (int c = 0; c < 3; c++) {
            assertThat(found[c]).containsExactly(expected[c], within(0.1));
        }
        assertThat(last.toModel().predict(7.5, 0.3)).isEqualTo(last.toModel().predict(8, 0));
        assertThat(last.weights()).containsExactly(new double[] {2000, 2000, 2000}, within(150.0));
    }

    @Test
    void forgetsThePastWhenTheDataDrifts() {
        double[][] before = Synthetic.blobs(new double[][] {{0, 0}}, 2000, 0.3, 1);
        double[][] after = Synthetic.blobs(new double[][] {{5, 5}}, 2000, 0.3, 2);
        double[][] drifting = new double[4000][];
        System.arraycopy(before, 0, drifting, 0, 2000);
        System.arraycopy(after, 0, drifting, 2000, 2000);
        Table stream = Synthetic.table(LocalFlink.streaming(1), drifting, null);
        List<OnlineKMeans.Version> versions = new ArrayList<>();
        try (OnlineRun<OnlineKMeans.Version> run = OnlineRun.start(
                new OnlineKMeans().setK(1).setBatchSize(200).setDecayFactor(0.5).train(stream))) {
            run.forEachRemaining(versions::add);
        }
        double[] centre = versions.get(versions.size() - 1).centres()[0];
        assertThat(centre).containsExactly(new double[] {5, 5}, within(0.1));
    }

    @Test
    void aBatchSmallerThanKIsRefused() {
        Table stream = Synthetic.table(LocalFlink.streaming(1), new double[][] {{1, 2}}, null);
        assertThatThrownBy(() -> new OnlineKMeans().setK(5).setBatchSize(3).train(stream))
                .hasMessageContaining("batchSize = 3 is smaller than k = 5");
    }
}
