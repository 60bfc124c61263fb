package dev.stillpoint.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Quoted-printable (RFC 2045, section 6.7) for text parts, in one pass over a byte array. Jakarta Mail's encoder is
 * a stream that takes and passes on one byte at a time: with JFR it was the largest cost of sending a confirmation
 * (a third of notification-service's samples). Line breaks ({@code \n} or {@code \r\n}) stay line breaks (CRLF),
 * so a text part reads as text in its source; lines are cut with soft breaks at 76 characters. It writes into an
 * array: {@code ByteArrayOutputStream.write(int)}, synchronized, was 6% of notification-service's CPU at 200 bookings/s.
 */
final class QuotedPrintable {

    private static final int MAX_LINE = 76;

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private QuotedPrintable() {
    }

    static byte[] encode(byte[] content) {
        // at worst every byte becomes three, and every line of 25 such gets a soft break of three more
        byte[] out = new byte[content.length * 3 + (content.length / 25 + 1) * 3];
        int length = 0;
        int column = 0;
        for (int i = 0; i < content.length; i++) {
            int b = content[i] & 0xff;
            if (b == '\n' || (b == '\r' && i + 1 < content.length && content[i + 1] == '\n')) {
                out[length++] = '\r';
                out[length++] = '\n';
                column = 0;
                i += (b == '\r') ? 1 : 0;
                continue;
            }
            boolean lineEnds = endsLine(content, i);
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnds);
            int width = literal ? 1 : 3;
            // room is left for a soft break ("=" at the end of the line), unless this is the line's last character
            if (column + width > (lineEnds ? MAX_LINE : MAX_LINE - 1)) {
                out[length++] = '=';
                out[length++] = '\r';
                out[length++] = '\n';
                column = 0;
            }
            if (literal) {
                out[length++] = (byte) b;
            }
            else {
                out[length++] = '=';
                out[length++] = HEX[b >> 4];
                out[length++] = HEX[b & 0xf];
            }
            column += width;
        }
        return Arrays.copyOf(out, length);
    }

    /**
     * Whether the character at {@code i} is the last of its line (whitespace there would be lost in transit, so it is
     * encoded).
     */
    private static boolean endsLine(byte[] content, int i) {
        return i + 1 == content.length || content[i + 1] == '\n'
                || (content[i + 1] == '\r' && i + 2 < content.length && content[i + 2] == '\n');
    }

}
