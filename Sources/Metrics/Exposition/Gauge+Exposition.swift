extension Gauge {
    static let rendering = SeriesRendering<Gauge>(
        prefixes: { labels, metadata in [LinePrefix.render(metadata.textSampleName, labels: labels)] },
        write: { entries, writer, metadata in
            writer.writeMetadata(metadata)
            entries.forEachBorrowed { entry in
                writer.buffer.append(entry.prefixes[0])
                writer.appendValue(entry.metric(as: Gauge.self).value)
                writer.endLine()
            }
        }
    )
}
