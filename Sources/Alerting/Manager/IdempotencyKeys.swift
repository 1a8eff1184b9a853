/// Makes the idempotency keys of one manager's notifications: 128 random bits drawn once, then a
/// sequence number. Unique like a UUID per notification, without Foundation's `UUID()`, which
/// costs about 4 µs per call on Linux (most of what `send` would otherwise cost).
struct IdempotencyKeys {
    private let prefix: String
    private var sequence: UInt64 = 0

    init() {
        var generator = SystemRandomNumberGenerator()
        let (high, low): (UInt64, UInt64) = (generator.next(), generator.next())
        prefix = high.sixteenHexDigits + low.sixteenHexDigits + "-"
    }

    mutating func next() -> String {
        sequence += 1
        return prefix + String(sequence)
    }
}
