package dev.flinkjupyter.ml.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flinkjupyter.ml.FeatureBlock;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class GramTest {
    private static FeatureBlock block(int rows, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] features = new double[rows * dim];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextDouble(-3, 3);
        }
        return new FeatureBlock(rows, dim, features, new double[rows], new double[rows]);
    }

    @Test
    void scaledInnerProductEqualsEjmlsProductForEveryRowCountModuloFour() {
        for (int rows : new int[] {1, 2, 3, 4, 5, 7, 4096, 4099}) {
            DMatrixRMaj x = Gram.augmented(block(rows, 20, rows));
            double[] s = new SplittableRandom(7).doubles(rows, 0, 0.25).toArray();
            DMatrixRMaj scaled = x.copy();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < x.numCols; j++) {
                    scaled.set(r, j, s[r] * x.get(r, j));
                }
            }
            DMatrixRMaj expected = new DMatrixRMaj(21, 21);
            CommonOps_DDRM.multTransA(scaled, x, expected);
            DMatrixRMaj actual = new DMatrixRMaj(21, 21);
            actual.set(3, 4, 1.0); // it adds to what is there
            Gram.addScaledInner(x, s, actual);
            expected.set(3, 4, expected.get(3, 4) + 1.0);
            for (int i = 0; i < expected.data.length; i++) {
                assertThat(actual.data[i]).as("%d rows, element %d", rows, i)
                        .isCloseTo(expected.data[i], within(1e-9 * Math.max(1, Math.abs(expected.data[i]))));
            }
        }
    }

    @Test
    void aNegativeScaleIsRefused() {
        DMatrixRMaj x = Gram.augmented(block(5, 2, 1));
        assertThatThrownBy(() -> Gram.addScaledInner(x, new double[] {1, 1, -0.5, 1, 1}, new DMatrixRMaj(3, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.5");
    }
}
