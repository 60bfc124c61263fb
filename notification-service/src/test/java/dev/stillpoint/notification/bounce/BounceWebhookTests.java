package dev.stillpoint.notification.bounce;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The bounce webhook's HTTP edge cases, in a web slice (the bounce log stands in for the database): who may post,
 * what a post must hold, and a clear RFC 9457 problem for each mistake. BounceIntegrationTests records real posts.
 */
@WebMvcTest(controllers = BounceWebhook.class, properties = "stillpoint.bounces.webhook.secret=" + BounceWebhookTests.SECRET)
@AutoConfigureMockMvc(addFilters = false)
@Import(BounceWebhookTests.Settings.class)
class BounceWebhookTests {

    static final String SECRET = "webhook-slice-secret";

    private static final String HARD = """
            {"events": [{"id": "e1", "type": "bounce", "bounceType": "hard", "email": "gone@example.com",
                         "status": "5.1.1", "diagnostic": "550 5.1.1 no such user"}]}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    BounceLog log;

    @Test
    void withoutTheSecretAPostIs401AndNothingIsRecorded() {
        assertThat(post(HARD, null)).hasStatus(HttpStatus.UNAUTHORIZED)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(post(HARD, "Bearer not-the-secret")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(post(HARD, "Basic " + SECRET)).hasStatus(HttpStatus.UNAUTHORIZED);
        then(this.log).should(never()).record(any());
    }

    @Test
    void aMalformedEventIs400NamingTheField() {
        assertThat(post("{\"events\": []}", "Bearer " + SECRET)).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.detail").isEqualTo("Send 1 to 100 events.");
        assertThat(post(HARD.replace("\"hard\"", "\"sort-of\""), "Bearer " + SECRET)).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("events[0].bounceType");
        assertThat(post(HARD.replace("gone@example.com", "not an address"), "Bearer " + SECRET))
            .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("events[0].email");
        then(this.log).should(never()).record(any());
    }

    @Test
    void anEventOfNoEmailOfOursIs422AndARepostIsCountedAsADuplicate() {
        given(this.log.record(any())).willThrow(new BounceLog.UnattributableReportException("webhook:e1"));
        assertThat(post(HARD, "Bearer " + SECRET)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
            .bodyJson().extractingPath("$.title").isEqualTo("Unknown email");

        willReturn(true, false).given(this.log).record(any());
        assertThat(post(HARD, "Bearer " + SECRET)).hasStatus(HttpStatus.OK)
            .bodyJson().extractingPath("$.recorded").isEqualTo(1);
        assertThat(post(HARD, "Bearer " + SECRET)).hasStatus(HttpStatus.OK)
            .bodyJson().extractingPath("$.duplicates").isEqualTo(1);
    }

    private MvcTestResult post(String body, String authorization) {
        var request = this.mvc.post().uri(BounceWebhook.PATH).contentType(MediaType.APPLICATION_JSON).content(body);
        return ((authorization != null) ? request.header("Authorization", authorization) : request).exchange();
    }

    /** While no secret is set, the webhook is not there: every post is 404, whatever it carries. */
    @Nested
    @TestPropertySource(properties = "stillpoint.bounces.webhook.secret=")
    class WithoutASecret {

        @Test
        void everyPostIs404() {
            assertThat(post(HARD, "Bearer " + SECRET)).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(post(HARD, "Bearer ")).hasStatus(HttpStatus.NOT_FOUND);
        }

    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BounceProperties.class)
    static class Settings {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2027-03-07T12:00:00Z"), ZoneOffset.UTC);
        }

    }

}
