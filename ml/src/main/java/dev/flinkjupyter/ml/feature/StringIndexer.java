package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.param.HasHandleInvalid;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasOutputCol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Learns the labels of a column (strings, or numbers read as text) and gives each an index, 0 for
 * the first: by frequency, most frequent first ({@code frequencyDesc}, the default), or
 * {@code frequencyAsc}, {@code alphabetAsc}, {@code alphabetDesc}; ties go alphabetically. Flink
 * counts the labels with a GROUP BY; only the distinct labels and their counts come back. Nulls are
 * not labels. Its model adds the index column ({@code DOUBLE}); {@code handleInvalid} says what an
 * unseen label does there.
 *
 * <pre>{@code
 * StringIndexerModel cities = new StringIndexer().setInputCol("city").setOutputCol("cityIndex").fit(train);
 * }</pre>
 */
public final class StringIndexer implements Estimator<StringIndexer, StringIndexerModel>, HasInputCol<StringIndexer>,
        HasOutputCol<StringIndexer>, HasHandleInvalid<StringIndexer> {
    /** Most frequent label first. */
    public static final String FREQUENCY_DESC = "frequencyDesc";
    /** Least frequent label first. */
    public static final String FREQUENCY_ASC = "frequencyAsc";
    /** Alphabetical order. */
    public static final String ALPHABET_ASC = "alphabetAsc";
    /** Reverse alphabetical order. */
    public static final String ALPHABET_DESC = "alphabetDesc";

    /** The order of the indices. */
    public static final Param<String> STRING_ORDER_TYPE = new Param<>("stringOrderType", String.class,
            "The order of the indices: frequencyDesc, frequencyAsc, alphabetAsc or alphabetDesc.", FREQUENCY_DESC,
            ParamValidator.inArray(FREQUENCY_DESC, FREQUENCY_ASC, ALPHABET_ASC, ALPHABET_DESC));
    /** The most distinct labels a column may have. */
    public static final int MAX_LABELS = 1_000_000;

    private final ParamMap params = new ParamMap(StringIndexer.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Sets the order of the indices (default frequencyDesc). */
    public StringIndexer setStringOrderType(String order) {
        return set(STRING_ORDER_TYPE, order);
    }

    @Override
    public StringIndexerModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("StringIndexer fits one table, got " + inputs.length);
        }
        Table table = inputs[0];
        String column = getInputCol();
        requireIndexable(table, column);
        Table counts = table.select($(column).cast(DataTypes.STRING()).as("label"))
                .filter($("label").isNotNull())
                .groupBy($("label"))
                .select($("label"), lit(1).count().as("n"));
        record Count(String label, long n) {
        }
        List<Count> labels = new ArrayList<>();
        try (CloseableIterator<Row> rows = counts.execute().collect()) {
            while (rows.hasNext()) {
                Row row = rows.next();
                labels.add(new Count((String) row.getField(0), ((Number) row.getField(1)).longValue()));
                if (labels.size() > MAX_LABELS) {
                    throw new IllegalArgumentException("StringIndexer: column '" + column + "' has more than "
                            + MAX_LABELS + " distinct values; is it a category?");
                }
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("StringIndexer: counting the labels of '" + column + "' failed: " + e, e);
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("StringIndexer: column '" + column + "' has no labels (no rows, or only"
                    + " nulls)");
        }
        Comparator<Count> alphabet = Comparator.comparing(Count::label);
        Comparator<Count> order = switch (get(STRING_ORDER_TYPE)) {
            case FREQUENCY_ASC -> Comparator.comparingLong(Count::n).thenComparing(alphabet);
            case ALPHABET_ASC -> alphabet;
            case ALPHABET_DESC -> alphabet.reversed();
            default -> Comparator.comparingLong(Count::n).reversed().thenComparing(alphabet);
        };
        labels.sort(order);
        StringIndexerModel model = new StringIndexerModel(labels.stream().map(Count::label).toArray(String[]::new));
        return model.setInputCol(column).setOutputCol(getOutputCol()).setHandleInvalid(getHandleInvalid());
    }

    /** Requires a column of single values (strings, numbers, dates...), which are read as text. */
    static void requireIndexable(Table table, String column) {
        LogicalType type = InputColumns.require(table, "input", column);
        if (!type.getTypeRoot().getFamilies().contains(LogicalTypeFamily.PREDEFINED)) {
            throw new IllegalArgumentException("input column '" + column + "' is " + type
                    + ", not a string, a number or another single value; the table has " + InputColumns.describe(table.getResolvedSchema()));
        }
    }
}
