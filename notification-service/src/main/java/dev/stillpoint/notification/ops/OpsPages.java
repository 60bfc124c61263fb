package dev.stillpoint.notification.ops;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The ops console's front page (topics, groups and their lag, charts) and its topic browser. */
@Controller
@RequestMapping("/ops")
class OpsPages {

    static final int MAX_RECORDS = 500;

    private final KafkaInspector inspector;

    private final TopicBrowser browser;

    private final LagHistory lag;

    private final EmailRate emails;

    private final OpsConsoleProperties properties;

    OpsPages(KafkaInspector inspector, TopicBrowser browser, LagHistory lag, EmailRate emails,
            OpsConsoleProperties properties) {
        this.inspector = inspector;
        this.browser = browser;
        this.lag = lag;
        this.emails = emails;
        this.properties = properties;
    }

    @GetMapping("/login")
    String login() {
        return "ops/login";
    }

    @GetMapping({ "", "/" })
    String overview(Model model) {
        List<TopicSummary> topics = this.inspector.topics();
        model.addAttribute("topics", topics);
        model.addAttribute("groups", this.inspector.groups());
        model.addAttribute("emailChart", Chart.of("Emails sent per minute, last hour",
                this.emails.perMinute(this.properties.history()), "emails a minute"));
        model.addAttribute("lagCharts", lagCharts());
        model.addAttribute("deadLetters", topics.stream().filter(TopicSummary::isDeadLetterTopic)
            .mapToLong(TopicSummary::records).sum());
        return "ops/overview";
    }

    @GetMapping("/topics/{topic}")
    String topic(@PathVariable String topic, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) String bookingId, Model model) {
        int bounded = Math.max(1, Math.min(limit, MAX_RECORDS));
        model.addAttribute("topic", topic);
        model.addAttribute("limit", bounded);
        model.addAttribute("bookingId", bookingId);
        model.addAttribute("records", this.browser.latest(topic, bounded, bookingId));
        return "ops/topic";
    }

    private List<Chart> lagCharts() {
        List<LagHistory.Sample> samples = this.lag.samples();
        Set<String> groups = new TreeSet<>();
        samples.forEach((sample) -> groups.addAll(sample.lagByGroup().keySet()));
        Duration interval = this.properties.lagSampleInterval();
        return groups.stream()
            .map((group) -> Chart.of("Lag of " + group + " (every " + interval.toSeconds() + " s, last hour)",
                    samples.stream().map((sample) -> sample.lagByGroup().getOrDefault(group, 0L)).toList(),
                    "records"))
            .toList();
    }

}
