package dev.flinkjupyter.ml.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.DisplayOutput;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.ml.classification.OnlineLogisticRegression;
import dev.flinkjupyter.ml.testing.LocalFlink;
import dev.flinkjupyter.ml.testing.LogisticStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.junit.jupiter.api.Test;

class OnlineRunTest {
    /** What a notebook would have been sent. */
    static final class Recorder implements DisplayOutput {
        final List<MimeBundle> updates = new ArrayList<>();

        @Override
        public void show(MimeBundle bundle, String displayId) {
            updates.add(bundle);
        }

        @Override
        public void update(MimeBundle bundle, String displayId) {
            updates.add(bundle);
        }

        @Override
        public void clear(boolean wait) {
        }
    }

    @Test
    void theLiveViewShowsOneRowOfMetricsPerVersionAndKeepsTheLatestModel() {
        StreamTableEnvironment tEnv = LocalFlink.streaming(1);
        RowTypeInfo rows = new RowTypeInfo(new TypeInformation<?>[] {
            BasicArrayTypeInfo.DOUBLE_ARRAY_TYPE_INFO, Types.DOUBLE}, new String[] {"features", "label"});
        Table stream = tEnv.fromDataStream(LocalFlink.environmentOf(tEnv).fromSequence(0, 4_999)
                .map(new LogisticStream(3)).returns(rows));
        OnlineRun<OnlineLogisticRegression.Version> run =
                OnlineRun.start(new OnlineLogisticRegression().setUpdateEvery(1000).train(stream));
        Recorder recorder = new Recorder();
        Display.install(Renderers.withInstalledProviders(), recorder);

        Display.display(run.live());

        String last = (String) recorder.updates.get(recorder.updates.size() - 1).get(MimeBundle.HTML);
        assertThat(last).contains("version", "records", "accuracy", "logLoss", "5000");
        assertThat(run.latest()).get().extracting(OnlineLogisticRegression.Version::version).isEqualTo(5L);
        assertThat(run.latest().get().toModel().getCoefficients()).hasSize(LogisticStream.WEIGHTS.length);
    }
}
