extension Counter {
    /// `<name>_total{…} ` (the same in both formats).
    static let rendering = SeriesRendering<Counter>(
        prefixes: { labels, metadata in [LinePrefix.render(metadata.textSampleName, labels: labels)] },
        write: { entries, writer, metadata in
            writer.writeMetadata(metadata)
            entries.forEachBorrowed { entry in
                writer.buffer.append(entry.prefixes[0])
                let (whole, fraction) = entry.metric(as: Counter.self).parts
                if fraction == 0 && whole < 1_000_000 {
                    writer.appendWholeValue(whole)
                } else {
                    writer.appendValue(Double(whole) + fraction)
                }
                if writer.format == .openMetrics { writer.appendExemplar(entry.metric(as: Counter.self).exemplar) }
                writer.endLine()
                writer.writeCreated(metadata.openMetricsName, labels: entry.labels.rendered, created: entry.metric(as: Counter.self).created)
            }
        }
    )
}
