package dev.stillpoint.support;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.util.StringUtils;

/**
 * The staff and ops logins of a service. On a developer's machine a login without a password gets one generated
 * (and logged); in a real deployment (the {@code prod} or {@code docker} profile) the service refuses to start
 * instead. The same name for both logins makes one user with both roles.
 */
public final class Logins {

    /** Profiles of a real deployment: passwords must be configured, never generated. */
    public static final String[] PRODUCTION_PROFILES = { "prod", "docker" };

    private static final Logger logger = LoggerFactory.getLogger(Logins.class);

    private Logins() {
    }

    public static InMemoryUserDetailsManager of(StaffLoginProperties staff, OpsLoginProperties ops,
            Environment environment) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Map<String, String> passwords = new LinkedHashMap<>();
        Map<String, List<String>> roles = new LinkedHashMap<>();
        add(staff.username(), staff.password(), "STAFF", "STILLPOINT_STAFF_PASSWORD", environment, passwords, roles);
        add(ops.username(), ops.password(), "OPS", "STILLPOINT_OPS_PASSWORD", environment, passwords, roles);
        ops.operators().forEach((name, password) -> add(name, password, "OPS",
                "STILLPOINT_OPS_OPERATORS_" + name.toUpperCase(java.util.Locale.ROOT), environment, passwords, roles));
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        passwords.forEach((username, password) -> users.createUser(User.withUsername(username)
            .password(encoder.encode(password))
            .roles(roles.get(username).toArray(String[]::new))
            .build()));
        return users;
    }

    private static void add(String username, String password, String role, String variable, Environment environment,
            Map<String, String> passwords, Map<String, List<String>> roles) {
        roles.computeIfAbsent(username, (name) -> new ArrayList<>()).add(role);
        if (passwords.containsKey(username) && !StringUtils.hasText(password)) {
            return;
        }
        passwords.put(username, passwordOrGenerated(username, password, variable, environment));
    }

    private static String passwordOrGenerated(String username, String password, String variable,
            Environment environment) {
        if (StringUtils.hasText(password)) {
            return password;
        }
        if (environment.matchesProfiles(PRODUCTION_PROFILES)) {
            throw new IllegalStateException("Set " + variable + ": in the " + String.join(" and ", PRODUCTION_PROFILES)
                    + " profiles no password is generated for '" + username + "'");
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String generated = HexFormat.of().formatHex(random);
        logger.warn("{} is not set; this run's password for '{}' is {}", variable, username, generated);
        return generated;
    }

}
