extension Gauge {
    static let rendering = SeriesRendering<Gauge>(
        prefixes: { labels, metadata in [LinePrefix.render(metadata.textSampleName, labels: labels)] },
        write: { snapshot, writer, metadata in
            writer.writeMetadata(metadata)
            snapshot.forEach { series in
                writer.buffer.append(series.prefix(0))
                writer.appendValue(series.withMetric(as: Gauge.self) { $0.value })
                writer.endLine()
            }
        }
    )
}
