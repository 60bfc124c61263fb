package dev.stillpoint.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The run's figures as a table on the console, as Markdown and CSV, and latency over time as a PNG chart. */
final class Report {

    private final List<Figure> figures = new ArrayList<>();

    private final XYSeriesCollection latencies = new XYSeriesCollection();

    void add(List<Figure> figures) {
        this.figures.addAll(figures);
        figures.forEach((figure) -> System.out.println("  " + line(figure)));
    }

    void addLatencies(String name, List<double[]> series) {
        XYSeries points = new XYSeries(name);
        series.forEach((point) -> points.add(point[0], Math.max(1, point[1])));
        this.latencies.addSeries(points);
    }

    List<Figure> figures() {
        return List.copyOf(this.figures);
    }

    /** Figures whose target or check does not hold. */
    List<Figure> missed() {
        return this.figures.stream().filter((figure) -> Boolean.FALSE.equals(figure.met())).toList();
    }

    void write(Path directory, String heading) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.md"), markdown(heading));
        Files.writeString(directory.resolve("results.csv"), csv());
        JFreeChart chart = ChartFactory.createScatterPlot("Booking → confirmation at the SMTP sink",
                "seconds since the first booking", "latency (ms, log scale)", this.latencies, PlotOrientation.VERTICAL,
                true, false, false);
        chart.getXYPlot().setRangeAxis(new LogarithmicAxis("latency (ms, log scale)"));
        ChartUtils.saveChartAsPNG(directory.resolve("latency.png").toFile(), chart, 1000, 500);
    }

    String markdown(String heading) {
        StringBuilder markdown = new StringBuilder(heading).append("\n\n")
            .append("| scenario | measure | value | limit (same run) | ratio | target | met |\n")
            .append("|---|---|---|---|---|---|---|\n");
        for (Figure figure : this.figures) {
            markdown.append("| ").append(figure.scenario()).append(" | ").append(figure.measure()).append(" | ")
                .append(Figure.format(figure.value())).append(' ').append(figure.unit()).append(" | ")
                .append(Double.isNaN(figure.limit()) ? ""
                        : figure.limitName() + ": " + Figure.format(figure.limit()) + " " + figure.unit())
                .append(" | ").append(ratio(figure)).append(" | ").append(figure.target()).append(" | ")
                .append((figure.met() == null) ? "" : figure.met() ? "yes" : "**no**").append(" |\n");
        }
        return markdown.toString();
    }

    private String csv() {
        StringBuilder csv = new StringBuilder("scenario,measure,value,unit,limit_name,limit,ratio,target,met\n");
        for (Figure figure : this.figures) {
            csv.append(String.join(",", quoted(figure.scenario()), quoted(figure.measure()),
                    String.format(Locale.ROOT, "%.3f", figure.value()), quoted(figure.unit()), quoted(figure.limitName()),
                    Double.isNaN(figure.limit()) ? "" : String.format(Locale.ROOT, "%.3f", figure.limit()),
                    Double.isNaN(figure.ratio()) ? "" : String.format(Locale.ROOT, "%.4f", figure.ratio()),
                    quoted(figure.target()), (figure.met() == null) ? "" : figure.met().toString())).append('\n');
        }
        return csv.toString();
    }

    private static String line(Figure figure) {
        return String.format(Locale.ROOT, "%-58s %-48s %12s %-6s %s%s%s", figure.scenario(), figure.measure(),
                Figure.format(figure.value()), figure.unit(),
                Double.isNaN(figure.limit()) ? "" : "limit " + Figure.format(figure.limit()) + " (" + figure.limitName()
                        + "), ratio " + ratio(figure) + " ",
                figure.target().isEmpty() ? "" : "target " + figure.target() + " ",
                (figure.met() == null) ? "" : figure.met() ? "ok" : "MISSED");
    }

    private static String ratio(Figure figure) {
        double ratio = figure.ratio();
        if (Double.isNaN(ratio)) {
            return "";
        }
        return (ratio >= 1.5) ? String.format(Locale.ROOT, "%.1f×", ratio) : String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

}
