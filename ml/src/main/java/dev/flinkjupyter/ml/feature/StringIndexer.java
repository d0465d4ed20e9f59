package dev.flinkjupyter.ml.feature;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;
import static org.apache.flink.table.api.Expressions.lit;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.param.HasHandleInvalid;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasInputCols;
import dev.flinkjupyter.ml.param.HasOutputCol;
import dev.flinkjupyter.ml.param.HasOutputCols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Learns the labels of one column or several (strings, or numbers read as text) and gives each an
 * index per column, 0 for the first: by frequency, most frequent first ({@code frequencyDesc}, the
 * default), or {@code frequencyAsc}, {@code alphabetAsc}, {@code alphabetDesc}; ties go
 * alphabetically. Flink counts the labels of every column in one job (a GROUP BY on column and
 * label); only the distinct labels and their counts come back. Nulls are not labels. Its model adds
 * one index column ({@code DOUBLE}) per input column; {@code handleInvalid} says what an unseen
 * label does there.
 *
 * <p>One column: {@code setInputCol}/{@code setOutputCol}; several: {@code setInputCols}/{@code setOutputCols},
 * one output per input. Setting both forms of the input is an error.
 *
 * <pre>{@code
 * StringIndexerModel cities = new StringIndexer().setInputCol("city").setOutputCol("cityIndex").fit(train);
 * StringIndexerModel all = new StringIndexer().setInputCols("city", "colour", "size")
 *         .setOutputCols("cityIndex", "colourIndex", "sizeIndex").fit(train);
 * }</pre>
 */
public final class StringIndexer implements Estimator<StringIndexer, StringIndexerModel>, HasInputCol<StringIndexer>,
        HasInputCols<StringIndexer>, HasOutputCol<StringIndexer>, HasOutputCols<StringIndexer>,
        HasHandleInvalid<StringIndexer> {
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
        ColumnPairs columns = ColumnPairs.of(this);
        String[] names = columns.inputs();
        for (String column : names) {
            requireIndexable(table, column);
        }
        columns.requireOutputsAbsent(table);
        Expression[] labels = new Expression[names.length];
        for (int i = 0; i < names.length; i++) {
            labels[i] = $(names[i]).cast(DataTypes.STRING());
        }
        // one pass: every row gives (column, label) pairs, counted by one GROUP BY
        Table counts = table.flatMap(call(ColumnLabels.class, (Object[]) labels))
                .groupBy($("col"), $("label"))
                .select($("col"), $("label"), lit(1).count().as("n"));
        List<List<Count>> perColumn = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            perColumn.add(new ArrayList<>());
        }
        try (CloseableIterator<Row> rows = counts.execute().collect()) {
            while (rows.hasNext()) {
                Row row = rows.next();
                int column = ((Number) row.getField(0)).intValue();
                List<Count> seen = perColumn.get(column);
                seen.add(new Count((String) row.getField(1), ((Number) row.getField(2)).longValue()));
                if (seen.size() > MAX_LABELS) {
                    throw new IllegalArgumentException("StringIndexer: column '" + names[column] + "' has more than "
                            + MAX_LABELS + " distinct values; is it a category?");
                }
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("StringIndexer: counting the labels of " + String.join(", ", names)
                    + " failed: " + e, e);
        }
        Comparator<Count> order = order(get(STRING_ORDER_TYPE));
        String[][] labelArrays = new String[names.length][];
        for (int i = 0; i < names.length; i++) {
            List<Count> seen = perColumn.get(i);
            if (seen.isEmpty()) {
                throw new IllegalArgumentException("StringIndexer: column '" + names[i] + "' has no labels (no rows,"
                        + " or only nulls)");
            }
            seen.sort(order);
            labelArrays[i] = seen.stream().map(Count::label).toArray(String[]::new);
        }
        StringIndexerModel model = new StringIndexerModel(labelArrays);
        ColumnPairs.copy(this, model);
        return model.setHandleInvalid(getHandleInvalid());
    }

    private record Count(String label, long n) {
    }

    private static Comparator<Count> order(String type) {
        Comparator<Count> alphabet = Comparator.comparing(Count::label);
        return switch (type) {
            case FREQUENCY_ASC -> Comparator.comparingLong(Count::n).thenComparing(alphabet);
            case ALPHABET_ASC -> alphabet;
            case ALPHABET_DESC -> alphabet.reversed();
            default -> Comparator.comparingLong(Count::n).reversed().thenComparing(alphabet);
        };
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
