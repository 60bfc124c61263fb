package dev.stillpoint.notification.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Renders an email's two parts from {@code templates/mail/<name>.txt} and {@code templates/mail/<name>.html}
 * (Thymeleaf with Spring expressions, text and HTML mode; HTML escapes every value).
 * <p>
 * Each template is rendered once per {@link ModelShape shape} of model, and each email fills its values into that
 * rendering's {@link Slots}: Thymeleaf walking the templates for every email was a third of notification-service's
 * CPU while it sent a backlog. A template may therefore test a value only for being there (or a flag for being
 * true); the values it shows, it shows as they are. Models of no shape are rendered directly.
 */
@Component
public class EmailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    private final ApplicationContext applicationContext;

    private final Map<List<Object>, Optional<Rendering>> renderings = new ConcurrentHashMap<>();

    public EmailTemplates(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
        this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    public Rendered render(String name, Map<String, Object> model) {
        ModelShape shape = ModelShape.of(name, model);
        Optional<Rendering> rendering = (shape != null)
                ? this.renderings.computeIfAbsent(shape.key(), (key) -> renderOnce(name, shape)) : Optional.empty();
        return rendering.map((slots) -> new Rendered(slots.text().fill(shape.values()), slots.html().fill(shape.values())))
            .orElseGet(() -> renderNow(name, model));
    }

    /** The template rendered with markers for the shape's values, unless it does more with a value than show it. */
    private Optional<Rendering> renderOnce(String name, ModelShape shape) {
        Rendered marked = renderNow(name, shape.markedModel());
        Slots text = Slots.of(marked.text(), shape.values().size());
        Slots html = Slots.of(marked.html(), shape.values().size());
        return (text != null && html != null) ? Optional.of(new Rendering(text, html)) : Optional.empty();
    }

    /** Renders the template for this model alone. */
    Rendered renderNow(String name, Map<String, Object> model) {
        Context context = new Context(Locale.UK, model);
        // Thymeleaf's own evaluation context, whose property accessors remember what they found: without it each
        // expression got a fresh Spring one, and looked every property up by reflection again (7% of
        // notification-service's CPU at 200 bookings/s)
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(this.applicationContext, null));
        return new Rendered(this.engine.process(name + ".txt", context), this.engine.process(name + ".html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    public record Rendered(String text, String html) {
    }

    private record Rendering(Slots text, Slots html) {
    }

}
