package dev.flinkjupyter.display;

/**
 * A library's way to plug its renderers in: list the implementing class in
 * {@code META-INF/services/dev.flinkjupyter.display.RendererProvider} and every {@link Renderers}
 * built with {@link Renderers#withInstalledProviders()} picks it up.
 */
public interface RendererProvider {
    void registerInto(Renderers renderers);
}
