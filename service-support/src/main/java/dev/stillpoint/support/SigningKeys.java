package dev.stillpoint.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The keys that sign a service's links (HMAC-SHA256), configured as one property: a comma-separated list of secrets,
 * the first signing, all of them verifying. Every signature names its key by an id made from the key (the first
 * characters of its SHA-256), so a new key is introduced by putting it first while the old one still verifies links
 * already sent, and retired by removing it. A signature without a key id (a link from before key ids) is checked
 * against every key.
 * <p>
 * In a real deployment (the {@code prod} or {@code docker} profile) the service refuses to start without the secret or
 * with one shorter than 32 bytes; on a developer's machine a missing secret becomes a random key for the run.
 */
public final class SigningKeys {

    /** The shortest secret accepted outside a developer's machine: 256 bits, the size of the HMAC-SHA256 key. */
    public static final int MINIMUM_SECRET_BYTES = 32;

    private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

    private static final String ALGORITHM = "HmacSHA256";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, SecretKeySpec> keys;

    private final String signingId;

    private final int signatureBytes;

    /**
     * Each key's MAC, initialised once and cloned for every signature, rather than a provider lookup and the key set
     * up again for every link (signing was 9% of the newsletter's CPU while it sent, two links per email).
     */
    private final Map<SecretKeySpec, Mac> initialised = new IdentityHashMap<>();

    private SigningKeys(Map<String, SecretKeySpec> keys, int signatureBytes) {
        this.keys = keys;
        keys.values().forEach((key) -> this.initialised.put(key, newMac(key)));
        this.signingId = keys.keySet().iterator().next();
        this.signatureBytes = signatureBytes;
    }

    /**
     * The keys configured in {@code property}, checked for where the service runs.
     * @param signatureBytes how much of each HMAC a signature keeps (at most 32)
     */
    public static SigningKeys fromProperty(String property, String configured, int signatureBytes,
            Environment environment) {
        String variable = property.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_");
        boolean production = environment.matchesProfiles(Logins.PRODUCTION_PROFILES);
        List<String> secrets = StringUtils.hasText(configured)
                ? Arrays.stream(configured.split(",")).map(String::strip).filter(StringUtils::hasText).toList() : List.of();
        if (secrets.isEmpty()) {
            if (production) {
                throw new IllegalStateException("Set " + variable + " (at least " + MINIMUM_SECRET_BYTES + " bytes): in the "
                        + String.join(" and ", Logins.PRODUCTION_PROFILES) + " profiles no key is generated");
            }
            logger.warn("{} is not set: links are signed with a random key and stop working when this instance stops",
                    variable);
            byte[] random = new byte[MINIMUM_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            return new SigningKeys(Map.of(id(random), new SecretKeySpec(random, ALGORITHM)), signatureBytes);
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String secret : secrets) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MINIMUM_SECRET_BYTES) {
                if (production) {
                    throw new IllegalStateException(variable + " has a key of " + bytes.length + " bytes; outside a "
                            + "developer's machine each key must have at least " + MINIMUM_SECRET_BYTES
                            + " (e.g. openssl rand -hex 32)");
                }
                logger.warn("{} has a key of {} bytes; a real deployment needs at least {}", variable, bytes.length,
                        MINIMUM_SECRET_BYTES);
            }
            keys.putIfAbsent(id(bytes), new SecretKeySpec(bytes, ALGORITHM));
        }
        return new SigningKeys(keys, signatureBytes);
    }

    /** {@code <key id>.<signature>} over the parts, with the signing key. */
    public String sign(byte[]... parts) {
        return this.signingId + "." + ENCODER.encodeToString(mac(this.keys.get(this.signingId), parts));
    }

    /**
     * Whether {@code signed} is a signature over the parts by one of the keys, written exactly as {@link #sign} writes
     * it: another spelling of the same bytes (base64 padding, say) is not accepted.
     */
    public boolean verify(String signed, byte[]... parts) {
        if (signed == null) {
            return false;
        }
        int dot = signed.indexOf('.');
        if (dot < 0) {
            return this.keys.values().stream().anyMatch((key) -> same(encoded(key, parts), signed));
        }
        SecretKeySpec key = this.keys.get(signed.substring(0, dot));
        return key != null && same(encoded(key, parts), signed.substring(dot + 1));
    }

    private String encoded(SecretKeySpec key, byte[]... parts) {
        return ENCODER.encodeToString(mac(key, parts));
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(SecretKeySpec key, byte[]... parts) {
        Mac mac;
        try {
            mac = (Mac) this.initialised.get(key).clone();
        }
        catch (CloneNotSupportedException ex) {
            mac = newMac(key);
        }
        for (byte[] part : parts) {
            mac.update(part);
        }
        return Arrays.copyOf(mac.doFinal(), this.signatureBytes);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ALGORITHM + " is not available", ex);
        }
    }

    /** Six characters of the key's SHA-256: names the key in every signature, and says nothing about it. */
    private static String id(byte[] secret) {
        try {
            return ENCODER.encodeToString(MessageDigest.getInstance("SHA-256").digest(secret)).substring(0, 6);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

}
