package dev.flinkjupyter.display;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstallNewProvidersTest {

    @Test
    void installsAProviderOnceAndKeepsWhatWasRegisteredSince() {
        Renderers renderers = new Renderers();
        ClassLoader loader = getClass().getClassLoader();

        assertThat(renderers.installNewProviders(loader)).contains(RenderersTest.TemperatureRenderers.class.getName());
        assertThat(renderers.render(new RenderersTest.Temperature(3)).get(MimeBundle.TEXT)).isEqualTo("3.0 °C");

        renderers.register(RenderersTest.Temperature.class, (t, c) -> MimeBundle.text("mine"));
        assertThat(renderers.installNewProviders(loader)).isEmpty();
        assertThat(renderers.render(new RenderersTest.Temperature(3)).get(MimeBundle.TEXT)).isEqualTo("mine");
    }

    @Test
    void providersInstalledAtStartAreNotNew() {
        Renderers renderers = Renderers.withInstalledProviders();
        assertThat(renderers.installNewProviders(getClass().getClassLoader()))
                .doesNotContain(RenderersTest.TemperatureRenderers.class.getName());
    }
}
