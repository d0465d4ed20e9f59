package dev.flinkjupyter.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelpRequestTest {
    @Test
    void aQuestionMarkBeforeOrAfterANameAsksForHelp() {
        assertThat(HelpRequest.nameIn("?Math.max")).hasValue("Math.max");
        assertThat(HelpRequest.nameIn("  String? ")).hasValue("String");
        assertThat(HelpRequest.nameIn("? env")).hasValue("env");
    }

    @Test
    void javaCodeWithAQuestionMarkIsNotAHelpRequest() {
        assertThat(HelpRequest.nameIn("x > 0 ? 1 : 2")).isEmpty();
        assertThat(HelpRequest.nameIn("List<?> l = null;")).isEmpty();
        assertThat(HelpRequest.nameIn("?")).isEmpty();
    }
}
