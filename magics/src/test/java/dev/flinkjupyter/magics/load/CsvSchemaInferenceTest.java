package dev.flinkjupyter.magics.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvSchemaInferenceTest {

    @Test
    void typesEachColumnAndDetectsTheHeader() {
        InferredSchema schema = CsvSchemaInference.infer(List.of(
                row("id", "price", "ok", "day", "at", "name"),
                row("1", "2.5", "true", "2024-01-31", "2024-01-31 10:00:00", "ada"),
                row("2", "3", "FALSE", "2024-02-01", "2024-01-31 10:00:00.125", "bob")), Optional.empty());

        assertThat(schema.header()).isTrue();
        assertThat(schema.ddl()).isEqualTo("`id` BIGINT NOT NULL, `price` DOUBLE NOT NULL, `ok` BOOLEAN NOT NULL, "
                + "`day` DATE NOT NULL, `at` TIMESTAMP(3) NOT NULL, `name` STRING NOT NULL");
    }

    @Test
    void anEmptyCellMakesAColumnNullableAndAMixedOneText() {
        InferredSchema schema = CsvSchemaInference.infer(List.of(
                row("1", "x"),
                row(null, "7"),
                row("3", "y")), Optional.empty());

        assertThat(schema.header()).isFalse();
        assertThat(schema.columns()).containsExactly(
                new InferredColumn("c1", ColumnType.BIGINT, true),
                new InferredColumn("c2", ColumnType.STRING, false));
    }

    @Test
    void aFirstRowThatFitsTheTypesIsData() {
        assertThat(CsvSchemaInference.infer(List.of(row("10", "a"), row("20", "b")), Optional.empty()).header())
                .isFalse();
    }

    @Test
    void textColumnsHaveAHeaderWhenItsCellsDoNotRepeat() {
        assertThat(CsvSchemaInference.infer(List.of(row("city", "country"), row("Paris", "FR"), row("Lyon", "FR")),
                Optional.empty()).header()).isTrue();
        assertThat(CsvSchemaInference.infer(List.of(row("FR", "Paris"), row("FR", "Lyon")), Optional.empty())
                .header()).isFalse();
    }

    @Test
    void theUserDecidesTheHeaderAndNamesAreMadeUnique() {
        InferredSchema schema = CsvSchemaInference.infer(List.of(row("a", "a", ""), row("1", "2", "3")),
                Optional.of(true));
        assertThat(schema.columns()).extracting(InferredColumn::name).containsExactly("a", "a_2", "c3");

        InferredSchema noHeader = CsvSchemaInference.infer(List.of(row("id"), row("1")), Optional.of(false));
        assertThat(noHeader.columns()).containsExactly(new InferredColumn("c1", ColumnType.STRING, false));
    }

    @Test
    void onlyTheTwoWordsMakeABooleanAndJavaOddNumbersAreText() {
        assertThat(ColumnType.of("yes")).isEqualTo(ColumnType.STRING);
        assertThat(ColumnType.of("True")).isEqualTo(ColumnType.BOOLEAN);
        assertThat(ColumnType.of("1d")).isEqualTo(ColumnType.STRING);
        assertThat(ColumnType.of("1e3")).isEqualTo(ColumnType.DOUBLE);
        assertThat(ColumnType.of("-42")).isEqualTo(ColumnType.BIGINT);
        assertThat(ColumnType.of("2024-13-01")).isEqualTo(ColumnType.STRING);
        // Flink's SQL timestamps need the seconds; ISO's T is text to them.
        assertThat(ColumnType.of("2024-10-16 11:04")).isEqualTo(ColumnType.STRING);
        assertThat(ColumnType.of("2024-10-16T11:04:00")).isEqualTo(ColumnType.STRING);
        assertThat(ColumnType.of("2024-10-16 11:04:00.123456")).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(ColumnType.BIGINT.widen(ColumnType.DOUBLE)).isEqualTo(ColumnType.DOUBLE);
        assertThat(ColumnType.DATE.widen(ColumnType.BIGINT)).isEqualTo(ColumnType.STRING);
    }

    @Test
    void tableNamesFromFileNames() {
        assertThat(Identifiers.fromFileName("Sales 2024.csv.gz")).isEqualTo("sales_2024");
        assertThat(Identifiers.fromFileName("2024-q1.csv")).isEqualTo("t_2024_q1");
        assertThat(Identifiers.fromFileName(".csv")).isEqualTo("csv");
        assertThat(Identifiers.quote("a`b")).isEqualTo("`a``b`");
    }

    private static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }
}
