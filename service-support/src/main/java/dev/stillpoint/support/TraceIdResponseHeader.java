package dev.stillpoint.support;

import java.io.IOException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with its trace id in {@code X-Trace-Id}: what a client or a support person quotes to find
 * the request in every service's logs, down to the email it caused.
 */
class TraceIdResponseHeader extends OncePerRequestFilter {

    static final String HEADER = "X-Trace-Id";

    private final ObjectProvider<Tracer> tracer;

    TraceIdResponseHeader(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Tracer current = this.tracer.getIfAvailable();
        Span span = (current != null) ? current.currentSpan() : null;
        if (span != null) {
            response.setHeader(HEADER, span.context().traceId());
        }
        chain.doFilter(request, response);
    }

}
