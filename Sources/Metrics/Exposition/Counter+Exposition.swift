extension Counter {
    /// `<name>_total{…} ` (the same in both formats).
    static let rendering = SeriesRendering<Counter>(
        prefixes: { labels, metadata in [LinePrefix.render(metadata.textSampleName, labels: labels)] },
        write: { snapshot, writer, metadata in
            writer.writeMetadata(metadata)
            snapshot.forEach { series in
                series.withMetric(as: Counter.self) { counter in
                    writer.buffer.append(series.prefix(0))
                    let (whole, fraction) = counter.parts
                    if fraction == 0 && whole < 1_000_000 {
                        writer.appendWholeValue(whole)
                    } else {
                        writer.appendValue(Double(whole) + fraction)
                    }
                    if writer.format == .openMetrics { writer.appendExemplar(counter.exemplar) }
                    writer.endLine()
                    writer.writeCreated(metadata.openMetricsName, labels: series.entry.labels.rendered, created: counter.created)
                }
            }
        }
    )
}
