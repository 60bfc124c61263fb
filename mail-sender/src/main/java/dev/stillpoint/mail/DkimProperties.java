package dev.stillpoint.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DKIM signing of every outgoing email, off unless all three are set.
 *
 * @param domain the signing domain ({@code d=}), normally that of the sender's address
 * @param selector the selector ({@code s=}): the public key is published at {@code <selector>._domainkey.<domain>}
 * @param privateKey the RSA private key file, PKCS#8, in PEM ({@code BEGIN PRIVATE KEY}) or DER
 */
@ConfigurationProperties("stillpoint.mail.dkim")
public record DkimProperties(String domain, String selector, Path privateKey) {

    public boolean enabled() {
        return this.domain != null && !this.domain.isBlank() && this.selector != null && !this.selector.isBlank()
                && this.privateKey != null;
    }

}
