package dev.stillpoint.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTests {

    private static final String OLD = "an-old-secret-of-at-least-32-bytes-long";

    private static final String NEW = "a-new-secret-of-at-least-32-bytes-long!";

    @Test
    void signsWithTheFirstKeyAndVerifiesWithEveryKey() {
        SigningKeys before = keys(OLD);
        SigningKeys rotated = keys(NEW + "," + OLD);
        String signedBefore = before.sign(bytes("UNSUBSCRIBE"), bytes("subscriber"));

        assertThat(rotated.verify(signedBefore, bytes("UNSUBSCRIBE"), bytes("subscriber"))).isTrue();
        assertThat(rotated.sign(bytes("UNSUBSCRIBE"), bytes("subscriber"))).isNotEqualTo(signedBefore);
        assertThat(keys(NEW).verify(signedBefore, bytes("UNSUBSCRIBE"), bytes("subscriber"))).isFalse();
        assertThat(rotated.verify(signedBefore, bytes("DATA"), bytes("subscriber"))).isFalse();
    }

    @Test
    void aSignatureIsTheHmacOfItsPartsTruncated() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(bytes(OLD), "HmacSHA256"));
        mac.update(bytes("CONFIRM"));
        byte[] expected = Arrays.copyOf(mac.doFinal(bytes("subscriber")), 18);

        String signed = keys(OLD).sign(bytes("CONFIRM"), bytes("subscriber"));

        assertThat(signed.substring(signed.indexOf('.') + 1))
            .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
    }

    @Test
    void signsTheSameFromManyThreadsAtOnce() throws Exception {
        SigningKeys keys = keys(OLD);
        List<String> expected = IntStream.range(0, 200).mapToObj((i) -> keys.sign(bytes("CONFIRM"), bytes("s" + i)))
            .toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> signed = IntStream.range(0, 200)
                .mapToObj((i) -> threads.submit(() -> keys.sign(bytes("CONFIRM"), bytes("s" + i))))
                .toList();
            for (int i = 0; i < signed.size(); i++) {
                assertThat(signed.get(i).get()).isEqualTo(expected.get(i));
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    private static SigningKeys keys(String secrets) {
        return SigningKeys.fromProperty("test.secret", secrets, 18, new MockEnvironment());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
