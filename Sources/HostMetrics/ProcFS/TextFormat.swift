import PrometheusMetrics

/// The Prometheus text exposition format (0.0.4), read the way node_exporter's textfile
/// collector reads `*.prom` files (prometheus/common's `expfmt.TextParser`): `# HELP` and
/// `# TYPE` lines, samples with labels and escapes, optional timestamps, and the `_bucket`,
/// `_sum` and `_count` lines of a histogram or summary gathered into one series per label set.
///
/// What expfmt refuses is refused here too, with the line and the reason: a second HELP or TYPE
/// for a family, a TYPE after its samples, an unknown type, a duplicate or reserved label name,
/// a bad escape, a value or timestamp that is not a number, anything after the timestamp, and a
/// last line without its newline. Families with HELP or TYPE but no sample are left out.
public enum TextFormat: Sendable {
    /// One family, in the order the file first names it.
    public struct Family: Sendable {
        /// The family's name (a histogram's or summary's, without `_bucket`, `_sum`, `_count`).
        public var name: String
        /// The `# HELP` text with its escapes resolved, nil when the file has none.
        public var help: String?
        /// The `# TYPE`, `untyped` when the file gives none.
        public var type: MetricType
        /// The series, in the order of their first line.
        public var metrics: [Metric]
    }

    /// One series.
    public struct Metric: Sendable {
        /// The labels as written (without a histogram's `le` or a summary's `quantile`).
        public var labels: [(String, String)]
        /// The sample, or a histogram's buckets (in file order, cumulative) or a summary's
        /// quantiles with their sum and count.
        public var value: CollectedMetric.Value
        /// The timestamp in milliseconds of its last line, when that line has one.
        public var timestamp: Int64?
    }

    /// Parses a whole file; `path` names it in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(HostMetricsError) -> [Family] {
        var parser = Parser(path: path)
        var lines = ProcText(bytes: bytes, path: path).lines
        while let line = lines.next() {
            // expfmt expects a newline after every line that holds anything.
            if line.text.endIndex == bytes.endIndex, bytes.last != .newline, !line.isBlank {
                throw .invalidTextFormat(path: path, line: line.number, reason: "unexpected end of input stream")
            }
            try parser.parse(line)
        }
        parser.finishGroups()
        return parser.families.filter { !$0.metrics.isEmpty }
    }

    /// The parser's state across lines.
    private struct Parser {
        let path: String
        var families: [Family] = []
        /// Families by name.
        var familyIndices: [String: Int] = [:]
        /// Whether the family's type was set (by `# TYPE` or by its first sample).
        var typed: [Bool] = []
        /// A histogram's or summary's series by family and sorted label set: its index in `groups`.
        var groupIndices: [GroupKey: Int] = [:]
        /// The histograms' and summaries' series being gathered, line by line.
        var groups: [Group] = []

        struct GroupKey: Hashable {
            var family: Int
            var labels: [String]
        }

        /// One histogram's or summary's series while its lines are read: its place among the
        /// family's metrics, and its buckets or quantiles (in plain arrays that grow in place,
        /// however many lines the series has), sum and count.
        struct Group {
            var family: Int
            var metric: Int
            var buckets: [(Double, UInt64)] = []
            var quantiles: [(Double, Double)] = []
            var sum = 0.0
            var count: UInt64 = 0
        }

        /// Which sample of a histogram or summary a line is.
        enum Suffix {
            case none, sum, count, bucket
        }

        init(path: String) {
            self.path = path
        }

        mutating func parse(_ line: ProcText.Line) throws(HostMetricsError) {
            var cursor = Cursor(bytes: line.text, path: path, line: line.number)
            cursor.skipBlanks()
            guard let first = cursor.current else { return }
            if first == UInt8(ascii: "#") {
                cursor.advance()
                try comment(&cursor)
            } else {
                try sample(&cursor)
            }
        }

        /// `# HELP name text`, `# TYPE name type`, or any other comment (ignored).
        private mutating func comment(_ cursor: inout Cursor) throws(HostMetricsError) {
            cursor.skipBlanks()
            let keyword = cursor.token()
            guard !cursor.isAtEnd, keyword.elementsEqual("HELP".utf8) || keyword.elementsEqual("TYPE".utf8) else { return }
            cursor.skipBlanks()
            let name = cursor.name(allowingColons: true)
            guard let next = cursor.current else { return }
            guard next.isBlank else { throw cursor.error("invalid metric name in comment") }
            let (family, _) = familyFor(name.text)
            cursor.skipBlanks()
            guard !cursor.isAtEnd else { return }
            if keyword.first == UInt8(ascii: "H") {
                guard families[family].help == nil else {
                    throw cursor.error("second HELP line for metric name \"\(families[family].name)\"")
                }
                families[family].help = try cursor.help()
            } else {
                guard !typed[family] else {
                    throw cursor.error("second TYPE line for metric name \"\(families[family].name)\", or TYPE reported after samples")
                }
                let text = cursor.rest()
                guard let type = Self.types.first(where: { $0.name.elementsEqual(text.lazy.map(Self.lowercased)) })?.type else {
                    throw cursor.error("unknown metric type \"\(text.text)\"")
                }
                families[family].type = type
                typed[family] = true
            }
        }

        private static let types: [(name: String.UTF8View, type: MetricType)] = [
            ("counter".utf8, .counter), ("gauge".utf8, .gauge), ("histogram".utf8, .histogram), ("summary".utf8, .summary),
            ("untyped".utf8, .untyped),
        ]

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
        }

        /// `name{label="value",…} value [timestamp]`.
        private mutating func sample(_ cursor: inout Cursor) throws(HostMetricsError) {
            let name = cursor.name(allowingColons: true)
            guard !name.isEmpty else { throw cursor.error("invalid metric name") }
            let (family, suffix) = familyFor(name.text)
            if !typed[family] {
                families[family].type = .untyped
                typed[family] = true
            }
            let type = families[family].type
            let special = type == .histogram ? "le" : type == .summary ? "quantile" : nil
            var labels: [(String, String)] = []
            var bound = Double.nan
            cursor.skipBlanks()
            if cursor.current == UInt8(ascii: "{") {
                cursor.advance()
                while true {
                    cursor.skipBlanks()
                    if cursor.current == UInt8(ascii: "}") {
                        cursor.advance()
                        break
                    }
                    let labelName = cursor.name(allowingColons: false).text
                    guard !labelName.isEmpty else { throw cursor.error("invalid label name for metric \"\(families[family].name)\"") }
                    guard labelName != "__name__" else { throw cursor.error("label name \"__name__\" is reserved") }
                    cursor.skipBlanks()
                    guard cursor.current == UInt8(ascii: "=") else { throw cursor.error("expected '=' after label name") }
                    cursor.advance()
                    cursor.skipBlanks()
                    let value = try cursor.labelValue()
                    if labelName == special {
                        guard let parsed = Self.float(value.utf8[...]) else {
                            throw cursor.error("expected float as value for '\(labelName)' label, got \"\(value)\"")
                        }
                        bound = parsed
                    } else {
                        guard !labels.contains(where: { $0.0 == labelName }) else {
                            throw cursor.error("duplicate label names for metric \"\(families[family].name)\"")
                        }
                        labels.append((labelName, value))
                    }
                    cursor.skipBlanks()
                    if cursor.current == UInt8(ascii: ",") {
                        cursor.advance()
                    } else if cursor.current != UInt8(ascii: "}") {
                        throw cursor.error("unexpected end of label value \"\(value)\"")
                    }
                }
                cursor.skipBlanks()
            }
            let valueToken = cursor.token()
            guard let value = Self.float(valueToken) else { throw cursor.error("expected float as value, got \"\(valueToken.text)\"") }
            var timestamp: Int64?
            if !cursor.isAtEnd {
                cursor.skipBlanks()
                let token = cursor.token()
                let unsigned = token.first == UInt8(ascii: "+") ? token.dropFirst() : token
                guard unsigned.first != UInt8(ascii: "+"), let parsed = unsigned.int64 else {
                    throw cursor.error("expected integer as timestamp, got \"\(token.text)\"")
                }
                guard cursor.isAtEnd else { throw cursor.error("spurious string after timestamp: \"\(cursor.rest().text)\"") }
                timestamp = parsed
            }
            record(value, timestamp: timestamp, labels: labels, bound: bound, suffix: suffix, in: family)
        }

        /// Adds a sample line's value to its family: a new series for a counter, gauge or
        /// untyped family; to the series of its label set for a histogram or summary.
        private mutating func record(
            _ value: Double, timestamp: Int64?, labels: [(String, String)], bound: Double, suffix: Suffix, in family: Int
        ) {
            let type = families[family].type
            guard type == .histogram || type == .summary else {
                families[family].metrics.append(Metric(labels: labels, value: .sample(value), timestamp: timestamp))
                return
            }
            let key = GroupKey(family: family, labels: labels.map { $0.0 + "\u{0}" + $0.1 }.sorted())
            let group: Int
            if let existing = groupIndices[key] {
                group = existing
            } else {
                group = groups.count
                groupIndices[key] = group
                groups.append(Group(family: family, metric: families[family].metrics.count))
                // The value is set by `finishGroups` once every line is read.
                families[family].metrics.append(Metric(labels: labels, value: .sample(0), timestamp: nil))
            }
            if let timestamp { families[family].metrics[groups[group].metric].timestamp = timestamp }
            switch suffix {
            case .sum: groups[group].sum = value
            case .count: groups[group].count = Self.count(value)
            case .none, .bucket:
                guard !bound.isNaN else { break }
                if type == .histogram {
                    groups[group].buckets.append((bound, Self.count(value)))
                } else {
                    groups[group].quantiles.append((bound, value))
                }
            }
        }

        /// Sets each histogram's and summary's series to what its lines gathered.
        mutating func finishGroups() {
            for group in groups {
                families[group.family].metrics[group.metric].value = families[group.family].type == .histogram
                    ? .histogram(buckets: group.buckets, sum: group.sum, count: group.count)
                    : .summary(quantiles: group.quantiles, sum: group.sum, count: group.count)
            }
        }

        /// A count as Go converts a float to `uint64`.
        private static func count(_ value: Double) -> UInt64 {
            value >= 0 && value < 0x1p64 ? UInt64(value) : 0
        }

        /// The family a line's name belongs to, created if new: the name itself, or for
        /// `x_sum` and `x_count` the summary `x`, and for `x_bucket`, `x_sum` and `x_count` the
        /// histogram `x`.
        private mutating func familyFor(_ name: String) -> (family: Int, suffix: Suffix) {
            if let index = familyIndices[name] { return (index, .none) }
            for (ending, suffix) in [("_sum", Suffix.sum), ("_count", .count), ("_bucket", .bucket)] where name.hasSuffix(ending) {
                guard let index = familyIndices[String(name.dropLast(ending.count))] else { continue }
                let type = families[index].type
                if type == .histogram || (type == .summary && suffix != .bucket) { return (index, suffix) }
            }
            familyIndices[name] = families.count
            families.append(Family(name: name, help: nil, type: .untyped, metrics: []))
            typed.append(false)
            return (families.count - 1, .none)
        }

        /// A float as expfmt reads one (Go's `ParseFloat` without hexadecimal, `p` exponents or
        /// `_`): decimal with an optional exponent, or `Inf`, `+Inf`, `-Inf`, `NaN` in any case.
        /// An overflow is an error, as in Go.
        static func float(_ token: some Collection<UInt8>) -> Double? {
            var rest = token[...]
            let sign = rest.first == UInt8(ascii: "+") || rest.first == .minus ? rest.popFirst() : nil
            let word = rest.lazy.map(lowercased)
            if word.elementsEqual("inf".utf8) || word.elementsEqual("infinity".utf8) {
                return sign == .minus ? -.infinity : .infinity
            }
            if sign == nil, word.elementsEqual("nan".utf8) { return .nan }
            var digits = 0
            while let byte = rest.first, byte.digitValue != nil { digits += 1; rest.removeFirst() }
            if rest.first == .dot {
                rest.removeFirst()
                while let byte = rest.first, byte.digitValue != nil { digits += 1; rest.removeFirst() }
            }
            guard digits > 0 else { return nil }
            if let byte = rest.first, byte | 0x20 == UInt8(ascii: "e") {
                rest.removeFirst()
                if rest.first == UInt8(ascii: "+") || rest.first == .minus { rest.removeFirst() }
                guard let digit = rest.first, digit.digitValue != nil else { return nil }
                while let byte = rest.first, byte.digitValue != nil { rest.removeFirst() }
            }
            guard rest.isEmpty, let value = Double(String(decoding: token, as: UTF8.self)), value.isFinite else { return nil }
            return value
        }
    }

    /// A position in one line.
    private struct Cursor {
        var bytes: ArraySlice<UInt8>
        let path: String
        let line: Int

        var current: UInt8? { bytes.first }
        var isAtEnd: Bool { bytes.isEmpty }

        mutating func advance() {
            bytes = bytes.dropFirst()
        }

        mutating func skipBlanks() {
            while let byte = bytes.first, byte.isBlank { bytes.removeFirst() }
        }

        /// The bytes up to the next blank or the end of the line.
        mutating func token() -> ArraySlice<UInt8> {
            let end = bytes.firstIndex(where: \.isBlank) ?? bytes.endIndex
            defer { bytes = bytes[end...] }
            return bytes[..<end]
        }

        /// The rest of the line.
        mutating func rest() -> ArraySlice<UInt8> {
            defer { bytes = bytes[bytes.endIndex...] }
            return bytes
        }

        /// `[a-zA-Z_:][a-zA-Z0-9_:]*` (a metric name) or without colons (a label name); empty
        /// when the first byte cannot start one.
        mutating func name(allowingColons: Bool) -> ArraySlice<UInt8> {
            var end = bytes.startIndex
            while end < bytes.endIndex {
                let byte = bytes[end]
                let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
                let allowed = isLetter || (allowingColons && byte == .colon) || (end > bytes.startIndex && byte.digitValue != nil)
                guard allowed else { break }
                end += 1
            }
            defer { bytes = bytes[end...] }
            return bytes[..<end]
        }

        /// The HELP text: the rest of the line with `\\` and `\n` resolved.
        mutating func help() throws(HostMetricsError) -> String {
            try String(decoding: unescaped(until: nil, quotes: false), as: UTF8.self)
        }

        /// A quoted label value with `\\`, `\"` and `\n` resolved; it must be UTF-8.
        mutating func labelValue() throws(HostMetricsError) -> String {
            guard current == UInt8(ascii: "\"") else { throw error("expected '\"' at start of label value") }
            advance()
            let value = try unescaped(until: UInt8(ascii: "\""), quotes: true)
            guard let text = String(validating: value, as: UTF8.self) else { throw error("invalid label value: not UTF-8") }
            return text
        }

        /// The bytes up to `terminator` (consumed; the end of the line when nil, and then the
        /// line must not end first) with escapes resolved.
        private mutating func unescaped(until terminator: UInt8?, quotes: Bool) throws(HostMetricsError) -> [UInt8] {
            var text: [UInt8] = []
            while let byte = bytes.popFirst() {
                if byte == terminator { return text }
                guard byte == UInt8(ascii: "\\") else {
                    text.append(byte)
                    continue
                }
                switch bytes.popFirst() {
                case UInt8(ascii: "\\"): text.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): text.append(.newline)
                case UInt8(ascii: "\"") where quotes: text.append(UInt8(ascii: "\""))
                case let other: throw error("invalid escape sequence '\\\(other.map { String(decoding: [$0], as: UTF8.self) } ?? "")'")
                }
            }
            guard terminator == nil else { throw error("label value \"\(String(decoding: text, as: UTF8.self))\" contains unescaped new-line") }
            return text
        }

        func error(_ reason: String) -> HostMetricsError {
            .invalidTextFormat(path: path, line: line, reason: reason)
        }
    }
}

extension UInt8 {
    /// A space or a tab, the separators of the text format.
    fileprivate var isBlank: Bool { self == .space || self == .tab }
}
