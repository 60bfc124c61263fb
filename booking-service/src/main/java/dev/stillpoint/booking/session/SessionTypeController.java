package dev.stillpoint.booking.session;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SessionTypeController {

    @GetMapping("/api/session-types")
    List<SessionTypeResponse> sessionTypes() {
        return Arrays.stream(SessionType.values()).map(SessionTypeResponse::of).toList();
    }

    record SessionTypeResponse(String code, String title, int bookedMinutes, int handsOnMinutes) {

        static SessionTypeResponse of(SessionType type) {
            return new SessionTypeResponse(type.name(), type.title(), type.bookedMinutes(), type.handsOnMinutes());
        }

    }

}
