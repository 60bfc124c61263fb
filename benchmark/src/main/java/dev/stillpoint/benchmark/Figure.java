package dev.stillpoint.benchmark;

/**
 * One measured figure, beside the limit it is compared with (measured in the same run) and the target it is judged by.
 *
 * @param scenario what was run
 * @param measure what was measured
 * @param value the figure
 * @param unit its unit
 * @param limit the limit's figure in the same unit, or {@code NaN} where none applies
 * @param limitName what the limit is
 * @param target the target, as text ("≥ 2000", "≤ 100"), or empty
 * @param met whether the target holds ({@code null} where there is none)
 */
record Figure(String scenario, String measure, double value, String unit, double limit, String limitName,
        String target, Boolean met) {

    static Figure of(String scenario, String measure, double value, String unit) {
        return new Figure(scenario, measure, value, unit, Double.NaN, "", "", null);
    }

    Figure against(String limitName, double limit) {
        return new Figure(this.scenario, this.measure, this.value, this.unit, limit, limitName, this.target, this.met);
    }

    /** A target the figure must reach ({@code atLeast}) or stay under. */
    Figure target(double bound, boolean atLeast) {
        boolean met = atLeast ? this.value >= bound : this.value <= bound;
        return new Figure(this.scenario, this.measure, this.value, this.unit, this.limit, this.limitName,
                (atLeast ? "≥ " : "≤ ") + format(bound), met);
    }

    /** A check that must hold exactly, such as "0 lost". */
    Figure exactly(double expected) {
        return new Figure(this.scenario, this.measure, this.value, this.unit, this.limit, this.limitName,
                "= " + format(expected), this.value == expected);
    }

    /** The figure as a share of its limit: throughput / limit, or for a latency how many times the floor it is. */
    double ratio() {
        return (Double.isNaN(this.limit) || this.limit == 0) ? Double.NaN : this.value / this.limit;
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) value);
        }
        return String.format(java.util.Locale.ROOT, (Math.abs(value) >= 100) ? "%,.0f" : "%.2f", value);
    }

}
