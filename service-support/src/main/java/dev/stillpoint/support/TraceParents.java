package dev.stillpoint.support;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Carries a trace across a hop that Kafka's and HTTP's instrumentation cannot see: work written to a table now and
 * done later by another thread (the outbox relay, the delivery queue). {@link #current()} gives the W3C
 * {@code traceparent} of the work in hand, to store beside it; {@link #within} later runs the deferred work in a
 * child span of it, so that its log lines and the Kafka records it sends carry the same trace id. Without a tracer
 * both do nothing.
 */
public class TraceParents {

    /** The W3C trace-context header. */
    public static final String TRACEPARENT = "traceparent";

    /** Looked up once (finding them again for every email was 4% of notification-service's samples, with JFR). */
    private final SingletonSupplier<Tracer> tracer;

    private final SingletonSupplier<Propagator> propagator;

    public TraceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = SingletonSupplier.of(tracer::getIfAvailable);
        this.propagator = SingletonSupplier.of(propagator::getIfAvailable);
    }

    /** The {@code traceparent} of the current span, or {@code null} if there is none. */
    public String current() {
        Tracer tracer = this.tracer.get();
        Propagator propagator = this.propagator.get();
        Span span = (tracer != null) ? tracer.currentSpan() : null;
        if (span == null || propagator == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Runs {@code work} in a span named {@code name}, a child of {@code traceParent} when there is one. */
    public <T> T within(String traceParent, String name, Supplier<T> work) {
        Tracer tracer = this.tracer.get();
        Propagator propagator = this.propagator.get();
        if (traceParent == null || tracer == null || propagator == null) {
            return work.get();
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceParent), Map::get).name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        }
        finally {
            span.end();
        }
    }

    /** Runs {@code work} in a span named {@code name}, a child of {@code traceParent} when there is one. */
    public void within(String traceParent, String name, Runnable work) {
        within(traceParent, name, () -> {
            work.run();
            return null;
        });
    }

}
