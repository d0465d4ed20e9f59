package dev.flinkjupyter.magics;

import dev.flinkjupyter.magics.builtin.HelpMagic;
import dev.flinkjupyter.magics.builtin.LsMagic;
import dev.flinkjupyter.magics.builtin.TimeMagic;
import dev.flinkjupyter.magics.chart.ChartMagic;
import dev.flinkjupyter.magics.deps.JarsMagic;
import dev.flinkjupyter.magics.deps.MavenMagic;
import dev.flinkjupyter.magics.flink.CancelMagic;
import dev.flinkjupyter.magics.flink.DescribeMagic;
import dev.flinkjupyter.magics.flink.FlinkMagic;
import dev.flinkjupyter.magics.flink.JobsMagic;
import dev.flinkjupyter.magics.flink.TablesMagic;
import dev.flinkjupyter.magics.load.LoadMagic;
import dev.flinkjupyter.magics.ml.EvaluateMagic;
import dev.flinkjupyter.magics.ml.PredictMagic;
import dev.flinkjupyter.magics.ml.TrainMagic;
import dev.flinkjupyter.magics.sql.SqlMagic;

import java.util.List;

/** The magics every kernel has. A new magic is added here. */
final class BuiltinMagics {
    private BuiltinMagics() {
    }

    static final List<Class<?>> CLASSES = List.of(
            LsMagic.class,
            HelpMagic.class,
            TimeMagic.class,
            LoadMagic.class,
            SqlMagic.class,
            FlinkMagic.class,
            TablesMagic.class,
            DescribeMagic.class,
            JobsMagic.class,
            CancelMagic.class,
            MavenMagic.class,
            JarsMagic.class,
            ChartMagic.class,
            TrainMagic.class,
            PredictMagic.class,
            EvaluateMagic.class);
}
