extension Histogram {
    private enum Prefix: Int {
        case bucket, sum, count
    }

    /// Cumulative `_bucket` lines in increasing `le` order ending at `+Inf` (with bucket
    /// exemplars in OpenMetrics), then `_sum`, `_count` and `_created` if enabled.
    static let rendering = SeriesRendering<Histogram>(
        prefixes: { labels, metadata in
            let name = metadata.textSampleName
            return [
                LinePrefix.render(name, suffix: "_bucket", labels: labels, openExtraLabel: "le"),
                LinePrefix.render(name, suffix: "_sum", labels: labels),
                LinePrefix.render(name, suffix: "_count", labels: labels),
            ]
        },
        write: { entries, writer, metadata in
            writer.writeMetadata(metadata)
            guard let layout = entries.first?.metric(as: Histogram.self).layout else { return }
            let bounds = layout.bounds(in: writer.format)
            entries.forEachBorrowed { entry in
                let histogram = entry.metric(as: Histogram.self)
                let exemplars = writer.format == .openMetrics ? histogram.exemplars : []
                var cumulative: UInt64 = 0
                for bucket in bounds.indices {
                    cumulative &+= histogram.count(inBucket: bucket)
                    writer.buffer.append(entry.prefixes[Prefix.bucket.rawValue])
                    writer.buffer.append(bounds[bucket])
                    writer.buffer.append(ascii: #""} "#)
                    writer.appendCount(cumulative)
                    if bucket < exemplars.count { writer.appendExemplar(exemplars[bucket]) }
                    writer.endLine()
                }
                writer.buffer.append(entry.prefixes[Prefix.sum.rawValue])
                writer.appendValue(histogram.sum)
                writer.endLine()
                writer.buffer.append(entry.prefixes[Prefix.count.rawValue])
                writer.appendCount(cumulative)
                writer.endLine()
                writer.writeCreated(metadata.openMetricsName, labels: entry.labels.rendered, created: histogram.created)
            }
        }
    )
}
