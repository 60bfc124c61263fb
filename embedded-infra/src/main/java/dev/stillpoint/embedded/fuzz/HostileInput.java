package dev.stillpoint.embedded.fuzz;

import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * What the internet sends a public endpoint: any unicode, control characters and CR/LF, HTML and script, huge values,
 * numbers where text belongs, dates far away, zones that do not exist, JSON of the wrong shape or cut short.
 */
public final class HostileInput {

    private static final List<String> NASTY = List.of("", " ", "null", "undefined", "0", "-1", "1e400",
            "9223372036854775808", "NaN", "true", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "Ada\r\nBcc: victim@example.com", "line\nbreak", "tab\tstop", "nul\u0000byte", "\u202Eevil", "😊🧘‍♀️",
            "Ωμέγα", "中文", "../../etc/passwd", "' or 1=1 --", "%00", "%0d%0aSet-Cookie: x=1", "${jndi:ldap://x}",
            "{{7*7}}", "[[${7*7}]]", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2026-02-30T10:00:00Z", "+999999999-12-31", "-999999999-01-01", "0000-01-01",
            "2026-13-01", "10:00", "Mars/Olympus_Mons", "Europe/London\r\n", "UTC+25:00", "a@b", "@", "x@y@z",
            "ada@example.com", "6f1c1d7e-4c1b-4a57-9d55-1a3c0f7e2b10", "00000000-0000-0000-0000-000000000000");

    private HostileInput() {
    }

    /** One hostile string: a known troublemaker, random unicode, control characters, or something huge. */
    public static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(NASTY)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("<>\"'&\\")
                    .ofMinLength(1).ofMaxLength(20)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().alpha().ofLength(10_000)));
    }

    /** A JSON value of any kind, hostile strings included. */
    public static Arbitrary<String> jsonValues() {
        return Arbitraries.lazyOf(
                () -> strings().map(HostileInput::quoted),
                () -> Arbitraries.of("0", "-1", "1.5", "1e400", "-1e400", "9223372036854775808", "true", "false", "null",
                        "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":{\"c\":[]}}}"),
                () -> Arbitraries.longs().map(Object::toString));
    }

    /**
     * A JSON object with some of the {@code fields} the endpoint knows (and some it does not), each holding any value;
     * or one in which the fields hold {@code valid} values but one; sometimes cut short, or not JSON at all.
     */
    public static Arbitrary<String> jsonBodies(List<String> fields, Arbitrary<String> valid) {
        Arbitrary<String> object = Combinators.combine(
                Arbitraries.subsetOf(fields).map(List::copyOf),
                jsonValues().list().ofSize(fields.size()),
                strings().map(HostileInput::quoted))
            .as((chosen, values, extra) -> "{" + java.util.stream.IntStream.range(0, chosen.size())
                .mapToObj((i) -> quoted(chosen.get(i)) + ":" + values.get(i)).collect(Collectors.joining(","))
                    + (chosen.isEmpty() ? "" : ",") + extra + ":1}");
        Arbitrary<String> truncated = Combinators.combine(valid, Arbitraries.integers().between(0, 1000))
            .as((body, cut) -> body.substring(0, Math.min(cut, body.length())));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, object), net.jqwik.api.Tuple.of(3, valid),
                net.jqwik.api.Tuple.of(2, truncated), net.jqwik.api.Tuple.of(1, strings()));
    }

    /** The string as a JSON string literal, escaped as JSON requires (so only the value is hostile, not the syntax). */
    public static String quoted(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

}
