package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.display.Html;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.RendererProvider;
import dev.flinkjupyter.display.Renderers;

import java.util.List;

/**
 * Draws a {@link TrainedModel}: what it was trained on, which feature each vector position
 * ({@code x0}, {@code x1}, ...) is, and then the learned values as the model's own renderer draws
 * them (coefficients, centres, classes).
 */
public final class TrainedModelRenderers implements RendererProvider {

    @Override
    public void registerInto(Renderers renderers) {
        renderers.register(TrainedModel.class, (model, context) -> {
            MimeBundle learned = context.render(model.model());
            String heading = heading(model);
            String legend = legend(model.features());
            Object learnedHtml = learned.get(MimeBundle.HTML);
            String html = "<div><b>" + Html.escape(heading) + "</b><br>" + Html.escape(legend) + "</div>"
                    + (learnedHtml != null ? learnedHtml : "<pre>" + Html.escape(String.valueOf(learned.get(MimeBundle.TEXT))) + "</pre>");
            return MimeBundle.html(html, heading + "\n" + legend + "\n" + learned.get(MimeBundle.TEXT));
        });
    }

    private static String heading(TrainedModel model) {
        return model.algorithm() + model.label().map(l -> " predicting " + l).orElse("")
                + " from " + model.features().size() + " features";
    }

    private static String legend(List<String> features) {
        StringBuilder legend = new StringBuilder("features: ");
        for (int i = 0; i < features.size(); i++) {
            legend.append(i == 0 ? "" : ", ").append('x').append(i).append(" = ").append(features.get(i));
        }
        return legend.toString();
    }
}
