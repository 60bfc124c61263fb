package dev.stillpoint.notification.ops;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A line chart drawn on the server as SVG: no script, no library, readable by screen readers through its
 * description.
 *
 * @param title what it shows
 * @param points the polyline's points in a 600 × 120 box
 * @param max the highest value, the top of the scale
 * @param latest the last value
 * @param description a sentence that says what the chart shows, for screen readers
 */
public record Chart(String title, String points, long max, long latest, String description) {

    static final int WIDTH = 600;

    static final int HEIGHT = 120;

    static Chart of(String title, List<Long> values, String unit) {
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(0));
        long latest = values.isEmpty() ? 0 : values.get(values.size() - 1);
        int steps = Math.max(1, values.size() - 1);
        String points = IntStream.range(0, values.size())
            .mapToObj((i) -> String.format(Locale.ROOT, "%.1f,%.1f", (double) WIDTH * i / steps,
                    HEIGHT - (double) HEIGHT * values.get(i) / max))
            .collect(Collectors.joining(" "));
        String description = title + ": " + values.size() + " readings, highest " + max + " " + unit + ", latest "
                + latest + " " + unit + ".";
        return new Chart(title, points, max, latest, description);
    }

}
