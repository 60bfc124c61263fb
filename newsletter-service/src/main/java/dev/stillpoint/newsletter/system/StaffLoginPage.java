package dev.stillpoint.newsletter.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form for people; scripts use HTTP Basic instead. */
@Controller
class StaffLoginPage {

    @GetMapping("/staff/login")
    String login() {
        return "staff/login";
    }

    @GetMapping({ "/staff", "/staff/" })
    String home() {
        return "redirect:/staff/newsletter";
    }

}
