extension Summary {
    private enum Prefix: Int {
        case quantile, sum, count
    }

    /// `{quantile="q"}` lines in increasing order, then `_sum`, `_count` and `_created` if
    /// enabled.
    static let rendering = SeriesRendering<Summary>(
        prefixes: { labels, metadata in
            let name = metadata.textSampleName
            return [
                LinePrefix.render(name, labels: labels, openExtraLabel: "quantile"),
                LinePrefix.render(name, suffix: "_sum", labels: labels),
                LinePrefix.render(name, suffix: "_count", labels: labels),
            ]
        },
        write: { snapshot, writer, metadata in
            writer.writeMetadata(metadata)
            snapshot.forEach { series in
                let (count, sum, quantiles, created) = series.withMetric(as: Summary.self) { summary in
                    let snapshot = summary.snapshot
                    return (snapshot.count, snapshot.sum, snapshot.quantiles, summary.created)
                }
                for (quantile, value) in quantiles {
                    writer.buffer.append(series.prefix(Prefix.quantile.rawValue))
                    writer.buffer.append(GoFloat.spelled(quantile, in: writer.format))
                    writer.buffer.append(ascii: #""} "#)
                    writer.appendValue(value)
                    writer.endLine()
                }
                writer.buffer.append(series.prefix(Prefix.sum.rawValue))
                writer.appendValue(sum)
                writer.endLine()
                writer.buffer.append(series.prefix(Prefix.count.rawValue))
                writer.appendCount(count)
                writer.endLine()
                writer.writeCreated(metadata.openMetricsName, labels: series.entry.labels.rendered, created: created)
            }
        }
    )
}
