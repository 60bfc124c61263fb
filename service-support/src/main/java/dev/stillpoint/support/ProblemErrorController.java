package dev.stillpoint.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Errors that never reached a controller (no such path, a method not allowed, a sign-in refused) answer a script as
 * an RFC 9457 problem detail, as every controller's errors do; a browser still gets the error page.
 */
public class ProblemErrorController extends BasicErrorController {

    public ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties properties,
            List<ErrorViewResolver> resolvers) {
        super(errorAttributes, properties, resolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(status));
        if (path != null) {
            problem.put("instance", path.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case UNAUTHORIZED -> "This needs a sign-in (HTTP Basic).";
            case FORBIDDEN -> "This is not allowed with these credentials.";
            case BAD_REQUEST -> "The request could not be read.";
            default -> status.getReasonPhrase() + ".";
        };
    }

}
