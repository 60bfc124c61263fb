package dev.stillpoint.benchmark;

import java.util.List;

/** Nearest-rank percentiles of a list of latencies. */
final class Percentiles {

    private final double[] sorted;

    Percentiles(List<Double> values) {
        this.sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    double at(double percentile) {
        if (this.sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * this.sorted.length);
        return this.sorted[Math.max(0, Math.min(this.sorted.length - 1, rank - 1))];
    }

    double max() {
        return (this.sorted.length == 0) ? Double.NaN : this.sorted[this.sorted.length - 1];
    }

}
