package dev.stillpoint.booking.client;

import java.util.regex.Pattern;

import dev.stillpoint.booking.appointment.ManageLinks;
import dev.stillpoint.booking.preferences.ClientPreferences;
import dev.stillpoint.booking.preferences.EmailPreferences;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a client chooses which optional emails they get, for every session they have booked or will book. It is
 * reached from the manage page and from each optional email; its signed link names the client by the hash of their
 * address, and, unlike a manage link, does not end with a session.
 */
@Controller
@RequestMapping("/preferences/{client}")
class PreferencesPage {

    private static final Pattern EMAIL_HASH = Pattern.compile("[0-9a-f]{64}");

    private final ManageLinks links;

    private final ManageAccess access;

    private final ClientPreferences preferences;

    private final PageModel pages;

    PreferencesPage(ManageLinks links, ManageAccess access, ClientPreferences preferences, PageModel pages) {
        this.links = links;
        this.access = access;
        this.preferences = preferences;
        this.pages = pages;
    }

    @GetMapping
    String show(@PathVariable String client, @RequestParam(required = false) String token, Model model) {
        open(client, token);
        return render(client, token, this.preferences.find(client), model);
    }

    @PostMapping
    String change(@PathVariable String client, @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "false") boolean morningOf,
            @RequestParam(defaultValue = "false") boolean aftercare,
            @RequestParam(defaultValue = "false") boolean checkIn, HttpServletRequest request,
            RedirectAttributes redirect) {
        open(client, token);
        this.access.countChange(request);
        this.preferences.change(client, new EmailPreferences(morningOf, aftercare, checkIn));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:" + this.links.preferencesPath(client);
    }

    private void open(String client, String token) {
        if (!EMAIL_HASH.matcher(client).matches() || !this.links.isValidPreferences(client, token)) {
            throw new ManageAccess.LinkRefusedException(false);
        }
    }

    private String render(String client, String token, EmailPreferences chosen, Model model) {
        model.addAttribute("client", client);
        model.addAttribute("token", token);
        model.addAttribute("preferences", chosen);
        this.pages.describe(model, this.pages.practiceTimeZone());
        return "preferences";
    }

}
