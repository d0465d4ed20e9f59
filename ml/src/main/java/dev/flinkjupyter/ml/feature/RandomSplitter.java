package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.Transformer;
import dev.flinkjupyter.ml.param.HasSeed;
import java.util.Arrays;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.Table;

/**
 * Splits a table into parts of given fractions at random, with a seed: {@code transform} returns
 * one table per fraction (fractions that do not sum to 1 are scaled to). Each row's draw comes
 * from its own values and the seed ({@link RowDraw}), not from the order in which rows arrive, so
 * the split is the same at any parallelism and on every run; identical rows go to the same part.
 * The parts are queries over the input: each reads it again when used.
 *
 * <pre>{@code
 * Table[] parts = new RandomSplitter().setFractions(0.8, 0.2).setSeed(7).transform(data);
 * Table train = parts[0], test = parts[1];
 * }</pre>
 */
public final class RandomSplitter implements Transformer<RandomSplitter>, HasSeed<RandomSplitter> {
    /** The fraction of rows of each part. */
    public static final Param<double[]> FRACTIONS = new Param<>("fractions", double[].class,
            "The fraction of the rows in each part, as many as parts: 0.8,0.2.", new double[] {0.75, 0.25},
            ParamValidator.of(f -> f != null && f.length >= 1 && Arrays.stream(f).allMatch(x -> x > 0)
                    && Double.isFinite(Arrays.stream(f).sum()), "must be one or more positive numbers"));

    private final ParamMap params = new ParamMap(RandomSplitter.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Sets the fractions of the parts, one per part. */
    public RandomSplitter setFractions(double... fractions) {
        return set(FRACTIONS, fractions);
    }

    /** The fractions of the parts. */
    public double[] getFractions() {
        return get(FRACTIONS).clone();
    }

    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("RandomSplitter splits one table, got " + inputs.length);
        }
        Table table = inputs[0];
        double[] fractions = get(FRACTIONS);
        double total = Arrays.stream(fractions).sum();
        ApiExpression[] columns = table.getResolvedSchema().getColumnNames().stream()
                .map(name -> $(name)).toArray(ApiExpression[]::new);
        String drawCol = "__split_draw";
        Table drawn = table.addColumns(call(new RowDraw(getSeed()), (Object[]) columns).as(drawCol));
        Table[] parts = new Table[fractions.length];
        double lower = 0;
        for (int i = 0; i < fractions.length; i++) {
            double upper = i == fractions.length - 1 ? 1.0 : lower + fractions[i] / total;
            ApiExpression inPart = $(drawCol).isGreaterOrEqual(lower);
            if (i < fractions.length - 1) {
                inPart = inPart.and($(drawCol).isLess(upper));
            }
            parts[i] = drawn.filter(inPart).dropColumns($(drawCol));
            lower = upper;
        }
        return parts;
    }
}
