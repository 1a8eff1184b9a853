extension Info {
    static let rendering = SeriesRendering<Info>(
        prefixes: { labels, metadata in [LinePrefix.render(metadata.textSampleName, labels: labels)] },
        write: { snapshot, writer, metadata in
            writer.writeMetadata(metadata)
            snapshot.forEach { series in
                writer.buffer.append(series.prefix(0))
                writer.appendValue(1)
                writer.endLine()
            }
        }
    )
}
