/// Somewhere escaped text can be appended: an array while rendering label prefixes once, the
/// exposition buffer while writing collected families and metadata on every scrape.
protocol ByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(_ text: String)
}

extension Array: ByteSink where Element == UInt8 {
    mutating func append(_ text: String) {
        append(contentsOf: text.utf8)
    }
}

extension ExpositionBuffer: ByteSink {}
