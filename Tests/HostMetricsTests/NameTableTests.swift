@testable import HostMetrics
import Testing

/// What a file's names were made into, found again by position, and never more of it kept
/// than the file lists now.
@Suite struct NameTableTests {
    /// Looks `names` up in `table` and returns how many were made anew.
    private func lookUp(_ names: [String], in table: NameTable<String, String>) -> Int {
        var made = 0
        table.withLookup { lookup in
            for name in names {
                let value = lookup.next(name) { name in
                    made += 1
                    return name.uppercased()
                }
                #expect(value == name.uppercased())
            }
        }
        return made
    }

    @Test func namesAreMadeOnceAndAgainWhenTheyChange() {
        let table = NameTable<String, String>()
        #expect(lookUp(["a", "b", "c"], in: table) == 3)
        #expect(lookUp(["a", "b", "c"], in: table) == 0)
        #expect(lookUp(["a", "x", "c"], in: table) == 1)
    }

    /// Churning names (mounts, devices) cannot grow the table: a shorter file drops the rest,
    /// so the names it no longer lists are made anew if they come back.
    @Test func keepsOnlyWhatTheFileListsNow() {
        let table = NameTable<String, String>()
        let long = (0..<1000).map { "mount\($0)" }
        #expect(lookUp(long, in: table) == 1000)
        #expect(lookUp(["mount0", "mount1"], in: table) == 0)
        #expect(lookUp(long, in: table) == 998)
    }
}
