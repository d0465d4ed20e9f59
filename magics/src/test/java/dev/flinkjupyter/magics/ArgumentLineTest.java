package dev.flinkjupyter.magics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentLineTest {

    @Test
    void splitsOnBlanksAndKeepsQuotedTextTogether() {
        assertThat(ArgumentLine.split("  a  --sql \"SELECT a, b FROM t\" 'it''s' --x=1 "))
                .containsExactly("a", "--sql", "SELECT a, b FROM t", "its", "--x=1");
    }

    @Test
    void doubleQuotesTakeEscapesSingleQuotesDoNot() {
        assertThat(ArgumentLine.split("\"say \\\"hi\\\" \\\\ \\n\" 'a\\b'"))
                .containsExactly("say \"hi\" \\ \\n", "a\\b");
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertThat(ArgumentLine.split("--title \"\"")).containsExactly("--title", "");
    }

    @Test
    void anUnterminatedQuoteSaysWhere() {
        assertThatThrownBy(() -> ArgumentLine.split("--sql \"SELECT 1"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("unterminated double quote at column 7");
    }
}
