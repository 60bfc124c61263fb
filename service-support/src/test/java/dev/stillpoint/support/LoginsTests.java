package dev.stillpoint.support;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A developer's run generates passwords when none are set; a production profile refuses to start without them. */
class LoginsTests {

    @Test
    void aProductionProfileWithoutAPasswordRefusesToStart() {
        for (String profile : Logins.PRODUCTION_PROFILES) {
            MockEnvironment environment = new MockEnvironment();
            environment.setActiveProfiles(profile);
            assertThatIllegalStateException()
                .isThrownBy(() -> Logins.of(new StaffLoginProperties("staff", ""), new OpsLoginProperties("ops", "x", Map.of()),
                        environment))
                .withMessageContaining("STILLPOINT_STAFF_PASSWORD");
            assertThatIllegalStateException()
                .isThrownBy(() -> Logins.of(new StaffLoginProperties("staff", "x"), new OpsLoginProperties("ops", null, Map.of()),
                        environment))
                .withMessageContaining("STILLPOINT_OPS_PASSWORD");
        }
    }

    @Test
    void aDevelopersRunGetsGeneratedPasswordsAndConfiguredOnesAreUsedAsGiven() {
        InMemoryUserDetailsManager generated = Logins.of(new StaffLoginProperties("staff", null),
                new OpsLoginProperties("ops", null, Map.of()), new MockEnvironment());
        assertThat(generated.loadUserByUsername("staff").getAuthorities()).extracting(Object::toString)
            .containsExactly("ROLE_STAFF");
        assertThat(generated.loadUserByUsername("ops").getAuthorities()).extracting(Object::toString)
            .containsExactly("ROLE_OPS");
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThat(Logins.of(new StaffLoginProperties("staff", "s3cret-enough"), new OpsLoginProperties("ops", "other", Map.of()),
                production).loadUserByUsername("staff").getPassword()).startsWith("{bcrypt}");
    }

    @Test
    void oneNameForBothLoginsIsOneUserWithBothRoles() {
        InMemoryUserDetailsManager users = Logins.of(new StaffLoginProperties("anna", "s3cret"),
                new OpsLoginProperties("anna", null, Map.of()), new MockEnvironment());
        assertThat(users.loadUserByUsername("anna").getAuthorities()).extracting(Object::toString)
            .containsExactlyInAnyOrder("ROLE_STAFF", "ROLE_OPS");
    }

    @Test
    void namedOperatorsEachHaveALoginWithTheOpsRoleAndNeedAPasswordInProduction() {
        InMemoryUserDetailsManager users = Logins.of(new StaffLoginProperties("staff", "s3cret"),
                new OpsLoginProperties("ops", "shared", Map.of("alice", "alice-pw", "bob", "bob-pw")),
                new MockEnvironment());
        assertThat(users.loadUserByUsername("alice").getAuthorities()).extracting(Object::toString)
            .containsExactly("ROLE_OPS");
        assertThat(users.loadUserByUsername("bob").getAuthorities()).extracting(Object::toString)
            .containsExactly("ROLE_OPS");
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThatIllegalStateException()
            .isThrownBy(() -> Logins.of(new StaffLoginProperties("staff", "s3cret"),
                    new OpsLoginProperties("ops", "shared", Map.of("carol", "")), production))
            .withMessageContaining("STILLPOINT_OPS_OPERATORS_CAROL");
    }

}
