package dev.stillpoint.notification.mail;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.stillpoint.support.practice.PracticeProperties;

/**
 * What a template's output depends on besides the values it shows: which model entries are absent, the flags, and the
 * practice. Two emails of the same shape differ only in the values shown, so a template is rendered once per shape,
 * with a {@link Slots marker} where each value goes ({@link #markedModel}), and filled with each email's
 * {@link #values}. A model holding anything else (a value a template might inspect) has no shape and is rendered
 * directly.
 *
 * @param key the template's name and the shape, to look a rendering up by
 * @param markedModel the model with a marker in place of each value shown
 * @param values the values shown, in marker order
 */
record ModelShape(List<Object> key, Map<String, Object> markedModel, List<String> values) {

    private static final String SHOWN = "shown";

    private static final String SHOWN_TIMES = "shown times";

    /** The model's shape, or {@code null} if it holds a value that is not plainly shown. */
    static ModelShape of(String template, Map<String, Object> model) {
        List<Object> key = new ArrayList<>(1 + model.size() * 2);
        key.add(template);
        Map<String, Object> marked = new HashMap<>(model.size() * 2);
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, Object> entry : new TreeMap<>(model).entrySet()) {
            Object value = entry.getValue();
            key.add(entry.getKey());
            if (value == null || value instanceof Boolean || value instanceof PracticeProperties) {
                // tested by the template (present or not, true or false), or the same in every email
                key.add(value);
                marked.put(entry.getKey(), value);
            }
            else if (value instanceof String || value instanceof URI || value instanceof Integer
                    || value instanceof Long) {
                key.add(SHOWN);
                marked.put(entry.getKey(), shown(values, value.toString()));
            }
            else if (value instanceof SessionTimes times) {
                key.add(SHOWN_TIMES);
                marked.put(entry.getKey(), new SessionTimes(shown(values, times.date()), shown(values, times.time()),
                        shown(values, times.zone())));
            }
            else {
                return null;
            }
        }
        return new ModelShape(key, marked, values);
    }

    private static String shown(List<String> values, String value) {
        values.add(value);
        return Slots.marker(values.size() - 1);
    }

}
