package dev.stillpoint.newsletter.system;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A developer's run generates a staff password when none is set; a production profile refuses to start without one. */
class StaffLoginTests {

    private final SecurityConfiguration security = new SecurityConfiguration();

    @Test
    void aProductionProfileWithoutAPasswordRefusesToStart() {
        for (String profile : SecurityConfiguration.PRODUCTION_PROFILES) {
            MockEnvironment environment = new MockEnvironment();
            environment.setActiveProfiles(profile);
            assertThatIllegalStateException()
                .isThrownBy(() -> this.security.staffLogin(new StaffProperties("staff", ""), environment))
                .withMessageContaining("STILLPOINT_STAFF_PASSWORD");
        }
    }

    @Test
    void aDevelopersRunGetsAGeneratedPasswordAndAConfiguredOneIsUsedAsGiven() {
        assertThat(this.security.staffLogin(new StaffProperties("staff", null), new MockEnvironment())
            .loadUserByUsername("staff").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STAFF");
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThat(this.security.staffLogin(new StaffProperties("staff", "s3cret-enough"), production)
            .loadUserByUsername("staff").getPassword()).startsWith("{bcrypt}");
    }

}
