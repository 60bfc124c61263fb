package dev.stillpoint.mail;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.mail.autoconfigure.MailProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DKIM-signed email reaches a real SMTP server with a signature that verifies (checked here by the RFC 6376 rules,
 * relaxed/relaxed, against the public key) and that covers both List-Unsubscribe headers.
 */
class DkimSigningIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void signsEveryEmailAndTheSignatureCoversTheUnsubscribeReplyToAndAutoSubmittedHeaders() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").genKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        RSAPrivateKey key = DkimSigning.privateKey(pem.getBytes(StandardCharsets.US_ASCII));
        MailProperties properties = new MailProperties();
        properties.setHost("127.0.0.1");
        properties.setPort(smtp.getSmtp().getPort());
        SenderIdentity sender = new SenderIdentity(new InternetAddress("news@example.org", "Stillpoint"),
                new InternetAddress("hello@example.org", "Stillpoint"), BounceAddress.of("bounces@example.org"));
        try (SmtpMailer mailer = new SmtpMailer(properties, sender, 1, new DkimSigning("example.org", "news2026", key),
                1)) {
            mailer.send(new OutgoingEmail("<issue-1@example.org>", "ada@example.com", "Ada Lovelace", "Spring issue",
                    "plain  text \nwith   spaces", "<p>html</p>", List.of(),
                    Map.of("List-Unsubscribe", "<https://example.org/u/1>",
                            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        }
        String source = GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[0]);
        assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo("<issue-1@example.org>");

        int split = source.indexOf("\r\n\r\n");
        Map<String, String> headers = headers(source.substring(0, split + 2));
        Map<String, String> tags = tags(headers.get("dkim-signature"));
        assertThat(tags).containsEntry("d", "example.org").containsEntry("s", "news2026")
            .containsEntry("a", "rsa-sha256").containsEntry("c", "relaxed/relaxed");
        List<String> signed = List.of(tags.get("h").toLowerCase(Locale.ROOT).split(":"));
        assertThat(signed).contains("from", "subject", "message-id", "reply-to", "auto-submitted", "list-unsubscribe",
                "list-unsubscribe-post");
        // the envelope sender is the bounce address with the email's token, signed or not
        assertThat(headers.get("return-path").strip()).isEqualTo("<bounces+" + BounceAddress.token("<issue-1@example.org>")
                + "@example.org>");

        String body = relaxedBody(source.substring(split + 4));
        assertThat(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
            .digest(body.getBytes(StandardCharsets.UTF_8)))).isEqualTo(tags.get("bh"));
        StringBuilder data = new StringBuilder();
        for (String name : signed) {
            data.append(relaxedHeader(name, headers.getOrDefault(name, null))).append("\r\n");
        }
        String signature = headers.get("dkim-signature");
        data.append(relaxedHeader("dkim-signature", signature.replaceAll("b=[^;]*$", "b=").replaceAll("b=[^;]*;", "b=;")));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update(data.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(rsa.verify(Base64.getDecoder().decode(tags.get("b")))).as("the signature verifies").isTrue();
    }

    /** Header values by lower-cased name (the first of each: GreenMail adds its own below nothing we sign). */
    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>();
        for (String line : block.split("\r\n")) {
            if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            }
            else if (!line.isEmpty()) {
                fields.add(line);
            }
        }
        for (String field : fields) {
            int colon = field.indexOf(':');
            headers.putIfAbsent(field.substring(0, colon).strip().toLowerCase(Locale.ROOT), field.substring(colon + 1));
        }
        return headers;
    }

    private static Map<String, String> tags(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : value.replaceAll("\\s+", "").split(";")) {
            int equals = tag.indexOf('=');
            if (equals > 0) {
                tags.put(tag.substring(0, equals), tag.substring(equals + 1));
            }
        }
        return tags;
    }

    private static String relaxedHeader(String name, String value) {
        return name + ":" + value.replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
    }

    private static String relaxedBody(String body) {
        StringBuilder canonical = new StringBuilder();
        for (String line : body.split("\r\n", -1)) {
            canonical.append(line.replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        String result = canonical.toString();
        while (result.endsWith("\r\n\r\n")) {
            result = result.substring(0, result.length() - 2);
        }
        return result.equals("\r\n") ? "" : result;
    }

}
