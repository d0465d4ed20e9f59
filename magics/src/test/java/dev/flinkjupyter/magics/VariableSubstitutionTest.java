package dev.flinkjupyter.magics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariableSubstitutionTest {

    @Test
    void replacesReferencesByValues() {
        TestSession session = new TestSession().with("limit", 10).with("name", "sales");
        assertThat(VariableSubstitution.apply("SELECT * FROM ${name} LIMIT ${ limit }", session))
                .isEqualTo("SELECT * FROM sales LIMIT 10");
    }

    @Test
    void anEscapedReferenceStays() {
        TestSession session = new TestSession().with("x", 1);
        assertThat(VariableSubstitution.apply("\\${x} is ${x}", session)).isEqualTo("${x} is 1");
    }

    @Test
    void aNullVariableIsWrittenAsNull() {
        TestSession session = new TestSession().with("x", null);
        assertThat(VariableSubstitution.apply("${x}", session)).isEqualTo("null");
    }

    @Test
    void anUnknownVariableIsNamedWithTheOnesThatExist() {
        TestSession session = new TestSession().with("b", 1).with("a", 2);
        assertThatThrownBy(() -> VariableSubstitution.apply("${nope}", session))
                .isInstanceOf(MagicException.class)
                .hasMessage("${nope}: there is no variable nope (variables: a, b)");
    }
}
