package dev.stillpoint.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * Signs emails with DKIM (RFC 6376, rsa-sha256, relaxed/relaxed), covering the headers mail providers check, and the
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers: RFC 8058 asks for both to be signed before a
 * provider offers its one-click unsubscribe button.
 */
public final class DkimSigning {

    static final List<String> SIGNED_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID", "MIME-Version",
            "Content-Type", "Reply-To", "Auto-Submitted", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id");

    private final String domain;

    private final String selector;

    private final RSAPrivateKey key;

    public DkimSigning(String domain, String selector, RSAPrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
    }

    /** Signing as configured, or {@code null} when DKIM is not configured. */
    public static DkimSigning of(DkimProperties properties) {
        if (properties == null || !properties.enabled()) {
            return null;
        }
        try {
            return new DkimSigning(properties.domain(), properties.selector(),
                    privateKey(Files.readAllBytes(properties.privateKey())));
        }
        catch (IOException | GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot read the DKIM private key " + properties.privateKey()
                    + " (an RSA key, PKCS#8, PEM or DER): " + ex.getMessage(), ex);
        }
    }

    static RSAPrivateKey privateKey(byte[] file) throws GeneralSecurityException {
        String text = new String(file, StandardCharsets.US_ASCII);
        byte[] der = text.contains("-----BEGIN PRIVATE KEY-----")
                ? Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""))
                : file;
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** The message, signed as it is written to the server. */
    MimeMessage sign(MimeMessage message) throws MessagingException {
        DkimSigner signer = new DkimSigner(this.domain, this.selector, this.key);
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.setLengthParam(false);
        signer.setCheckDomainKey(false);
        SIGNED_HEADERS.forEach(signer::addHeaderToSign);
        return new DkimMessage(message, signer);
    }

}
