package dev.stillpoint.notification.ops;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The console's pages say what went wrong in words, inside the console, instead of an error page. */
@ControllerAdvice(assignableTypes = { OpsPages.class, DeadLetterPages.class, WorkPages.class })
class OpsErrors {

    @ExceptionHandler(KafkaUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String kafkaUnavailable(KafkaUnavailableException ex, Model model) {
        model.addAttribute("problem", ex.getMessage() + ". The page shows again once Kafka answers.");
        return "ops/problem";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(IllegalArgumentException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "ops/problem";
    }

}
