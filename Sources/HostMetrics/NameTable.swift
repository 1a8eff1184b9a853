import Synchronization

/// What the names of a procfs file turn into, made once per name and found again by position:
/// procfs files list the same names in the same order scrape after scrape (meminfo's fields,
/// vmstat's counters, netstat's columns, the mount table's lines). The parsers keep what they
/// made of each name (its `String`, a parsed mount); the collectors keep each name's family (its
/// name and HELP concatenated, the field filter's regular expression run). A scrape then
/// neither allocates a `String` per name, nor concatenates, nor matches; a name that changes is
/// made anew in its place.
final class NameTable<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private let stored = Mutex<[Entry]>([])
    private let keep: @Sendable (Key) -> Key

    /// A name as kept, and what it was made into.
    typealias Entry = (key: Key, value: Value)

    /// `keep` turns a name into the key to store (a copy of bytes that would otherwise keep a
    /// whole file alive).
    init(keeping keep: @escaping @Sendable (Key) -> Key = { $0 }) {
        self.keep = keep
    }

    /// Runs `body` with the table's entries, which it may replace. A concurrent scrape finds the
    /// table empty and makes its own values. The entries past the last name `body` looked up
    /// are dropped when it returns, so the table holds what the file lists now, not the most it
    /// ever listed (a mount table that once had 100,000 lines).
    func withLookup<Result, Failure: Error>(_ body: (inout Lookup) throws(Failure) -> Result) throws(Failure) -> Result {
        var lookup = Lookup(entries: stored.withLock { entries in
            defer { entries = [] }
            return entries
        }, keep: keep)
        defer {
            let entries = lookup.entries
            stored.withLock { $0 = entries }
        }
        let result = try body(&lookup)
        lookup.dropUnused()
        return result
    }

    /// One scrape's walk over the names, in file order.
    struct Lookup {
        fileprivate var entries: [Entry]
        fileprivate let keep: (Key) -> Key
        private var index = 0

        fileprivate init(entries: [Entry], keep: @escaping (Key) -> Key) {
            self.entries = entries
            self.keep = keep
        }

        /// What the file's next name was made into, made by `make` if the name is new here.
        mutating func next<Failure: Error>(_ key: Key, make: (Key) throws(Failure) -> Value) throws(Failure) -> Value {
            defer { index += 1 }
            if index < entries.count, entries[index].key == key { return entries[index].value }
            let entry = (key: keep(key), value: try make(key))
            if index < entries.count {
                entries[index] = entry
            } else {
                entries.append(entry)
            }
            return entry.value
        }

        /// Forgets the entries past the last one looked up.
        fileprivate mutating func dropUnused() {
            if index < entries.count { entries.removeSubrange(index...) }
        }
    }
}

extension NameTable where Key == FileBytes {
    /// A table of what a file's lines or names were parsed into.
    convenience init() {
        self.init { key in FileBytes(bytes: Array(key.bytes)[...]) }
    }

    /// Runs `body` with `table`'s entries, or without one (a one-off parse) with entries that
    /// are made and forgotten.
    static func withLookup<Result>(
        _ table: NameTable?, _ body: (inout Lookup) throws(HostMetricsError) -> Result
    ) throws(HostMetricsError) -> Result {
        try (table ?? NameTable(keeping: { $0 })).withLookup(body)
    }
}

extension NameTable.Lookup where Key == FileBytes {
    /// What the file's next name or line was made into, made by `make` if it is new here.
    mutating func next<Failure: Error>(
        _ bytes: ArraySlice<UInt8>, make: (ArraySlice<UInt8>) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        try next(FileBytes(bytes: bytes)) { (key) throws(Failure) in try make(key.bytes) }
    }
}

/// The table a parser keeps its names' `String`s in.
typealias NameStrings = NameTable<FileBytes, String>

extension NameTable.Lookup where Key == FileBytes, Value == String {
    /// The `String` of the file's next name.
    mutating func next(_ bytes: ArraySlice<UInt8>) -> String {
        next(bytes) { $0.text }
    }
}
