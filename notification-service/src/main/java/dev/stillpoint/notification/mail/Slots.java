package dev.stillpoint.notification.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * A template's output with a slot where each value of its model goes, and how each slot escapes what is put in it.
 * The output is made by rendering the template with a marker in place of each value: the marker carries the value's
 * index and a probe of the characters markup escapes ({@code & < > " '}) and of one it must leave alone ({@code é}), so
 * the rendering itself shows how Thymeleaf escaped that very place (HTML text, an attribute, or plain text), and
 * filling in a value does exactly that.
 */
final class Slots {

    private static final char START = '\uE000';

    private static final char APART = '\uE001';

    private static final char END = '\uE002';

    private static final String ESCAPED = "&<>\"'";

    private static final String UNTOUCHED = "é";

    /** Literal text and {@link Slot}s, in order. */
    private final List<Object> parts;

    private final int length;

    private Slots(List<Object> parts, int length) {
        this.parts = parts;
        this.length = length;
    }

    /** The marker for the value at {@code index}. */
    static String marker(int index) {
        StringBuilder marker = new StringBuilder().append(START).append(index);
        for (int i = 0; i < ESCAPED.length(); i++) {
            marker.append(APART).append(ESCAPED.charAt(i));
        }
        return marker.append(APART).append(UNTOUCHED).append(END).toString();
    }

    /**
     * The slots of a template rendered with markers for {@code values} values, or {@code null} if the template did
     * more with a value than show it (cut it, changed its case or escaped more than markup), so that filling in would
     * not give what rendering gives.
     */
    static Slots of(String rendered, int values) {
        List<Object> parts = new ArrayList<>();
        int length = 0;
        int from = 0;
        for (int start = rendered.indexOf(START); start >= 0; start = rendered.indexOf(START, from)) {
            int end = rendered.indexOf(END, start);
            if (end < 0) {
                return null;
            }
            String[] marker = rendered.substring(start + 1, end).split(String.valueOf(APART), -1);
            if (marker.length != ESCAPED.length() + 2 || !marker[0].matches("[0-9]{1,4}")
                    || Integer.parseInt(marker[0]) >= values || !UNTOUCHED.equals(marker[marker.length - 1])) {
                return null;
            }
            parts.add(rendered.substring(from, start));
            length += start - from;
            String[] escapes = new String[ESCAPED.length()];
            System.arraycopy(marker, 1, escapes, 0, escapes.length);
            parts.add(new Slot(Integer.parseInt(marker[0]), escapes));
            from = end + 1;
        }
        parts.add(rendered.substring(from));
        return new Slots(List.copyOf(parts), length + rendered.length() - from);
    }

    /** The output with each slot filled with its value, escaped as the template escaped it there. */
    String fill(List<String> values) {
        StringBuilder out = new StringBuilder(this.length + 48 * values.size());
        for (Object part : this.parts) {
            if (part instanceof Slot slot) {
                slot.fill(out, values.get(slot.index()));
            }
            else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    /** Where a value goes, and what each of {@link #ESCAPED} becomes there. */
    private record Slot(int index, String[] escapes) {

        void fill(StringBuilder out, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                int escaped = (c < 128) ? ESCAPED.indexOf(c) : -1;
                if (escaped >= 0) {
                    out.append(this.escapes[escaped]);
                }
                else {
                    out.append(c);
                }
            }
        }

    }

}
