package dev.stillpoint.support.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a write over its client address's limit before the handler runs: an API answers a 429 problem detail with
 * {@code Retry-After}, a page form a page that says when to try again.
 */
class RateLimitInterceptor implements HandlerInterceptor {

    private final ClientRateLimits limits;

    RateLimitInterceptor(ClientRateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        this.limits.tryWrite(request).ifPresent((wait) -> {
            throw isPage(handler) ? new RateLimitedPage(wait) : new TooManyRequests(wait);
        });
        return true;
    }

    private static boolean isPage(Object handler) {
        return handler instanceof HandlerMethod method
                && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                && !method.hasMethodAnnotation(ResponseBody.class)
                && !org.springframework.http.HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
    }

}
