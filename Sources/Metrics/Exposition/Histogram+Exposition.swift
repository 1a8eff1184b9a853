extension Histogram {
    private enum Prefix: Int {
        case bucket, sum, count
    }

    /// Cumulative `_bucket` lines in increasing `le` order ending at `+Inf` (with bucket
    /// exemplars in OpenMetrics), then `_sum` and `_count` (unless OpenMetrics forbids them)
    /// and `_created` if enabled.
    static let rendering = SeriesRendering<Histogram>(
        prefixes: { labels, metadata in
            let name = metadata.textSampleName
            return [
                LinePrefix.render(name, suffix: "_bucket", labels: labels, openExtraLabel: "le"),
                LinePrefix.render(name, suffix: "_sum", labels: labels),
                LinePrefix.render(name, suffix: "_count", labels: labels),
            ]
        },
        write: { snapshot, writer, metadata in
            writer.writeMetadata(metadata)
            guard let layout = snapshot.entries.first?.metric(as: Histogram.self).layout else { return }
            let bounds = layout.bounds(in: writer.format)
            let writesSumAndCount = writer.writesSumAndCount(lowestBound: layout.upperBounds.first)
            snapshot.forEach { series in series.withMetric(as: Histogram.self) { histogram in
                let exemplars = writer.format == .openMetrics ? histogram.exemplars : []
                var cumulative: UInt64 = 0
                for bucket in bounds.indices {
                    cumulative &+= histogram.count(inBucket: bucket)
                    writer.buffer.append(series.prefix(Prefix.bucket.rawValue))
                    writer.buffer.append(bounds[bucket])
                    writer.buffer.append(ascii: #""} "#)
                    writer.appendCount(cumulative)
                    if bucket < exemplars.count { writer.appendExemplar(exemplars[bucket]) }
                    writer.endLine()
                }
                if writesSumAndCount {
                    writer.buffer.append(series.prefix(Prefix.sum.rawValue))
                    writer.appendValue(histogram.sum)
                    writer.endLine()
                    writer.buffer.append(series.prefix(Prefix.count.rawValue))
                    writer.appendCount(cumulative)
                    writer.endLine()
                }
                writer.writeCreated(metadata.openMetricsName, labels: series.entry.labels.rendered, created: histogram.created)
            } }
        }
    )
}
