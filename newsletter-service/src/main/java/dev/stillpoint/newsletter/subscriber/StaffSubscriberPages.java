package dev.stillpoint.newsletter.subscriber;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff's view of the list: how many are pending, confirmed and unsubscribed; a CSV import with a report of every
 * row not added and why; a CSV export. The same import and export answer scripts under {@code /api/newsletter}.
 */
@Controller
class StaffSubscriberPages {

    private final SubscriberRepository subscribers;

    private final SubscriberImport imports;

    private final SubscriberExport export;

    StaffSubscriberPages(SubscriberRepository subscribers, SubscriberImport imports, SubscriberExport export) {
        this.subscribers = subscribers;
        this.imports = imports;
        this.export = export;
    }

    @GetMapping("/staff/subscribers")
    String page(Model model) {
        model.addAttribute("counts", this.subscribers.countByStatus());
        model.addAttribute("bounced", this.subscribers.bounced(100));
        return "staff/subscribers";
    }

    @PostMapping("/staff/subscribers/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean consented,
            Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("problem", "Choose a CSV file to import.");
        }
        else {
            try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                model.addAttribute("report", this.imports.importCsv(csv, consented));
            }
        }
        return page(model);
    }

    @GetMapping({ "/staff/subscribers/export.csv", "/api/newsletter/subscribers" })
    void exportFile(HttpServletResponse response) throws IOException {
        this.export.download(response);
    }

    /** For scripts: the body is the CSV file; the answer says what was added and what was not. */
    @PostMapping(path = "/api/newsletter/subscribers", consumes = "text/csv",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    SubscriberImport.Report importApi(@RequestBody String csv, @RequestParam(defaultValue = "false") boolean consented)
            throws IOException {
        return this.imports.importCsv(new StringReader(csv), consented);
    }

}
