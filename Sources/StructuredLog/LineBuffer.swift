/// The bytes of one line being encoded, in memory the caller owns (usually the stack).
///
/// `count` advances for every byte appended, even past `capacity`, where bytes are dropped: an
/// encoding that overflows still learns how long its line would be, and a buffer of capacity
/// zero measures without writing. Only a buffer whose final `count` is at most `capacity` holds
/// a complete line.
struct LineBuffer {
    private let base: UnsafeMutablePointer<UInt8>
    /// How many bytes fit.
    let capacity: Int
    /// How many bytes have been appended, dropped ones included.
    var count = 0

    init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Whether everything appended so far is really in the buffer.
    var isComplete: Bool { count <= capacity }

    /// The bytes appended, once the buffer is complete.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: min(count, capacity))
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count < capacity { base[count] = byte }
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let length = bytes.count
        if length <= capacity &- count, let source = bytes.baseAddress {
            Self.copy(source, to: base + count, count: length)
        }
        count &+= length
    }

    /// Copies `count` bytes. Keys and values are mostly short: up to 16 bytes take two
    /// overlapping loads and stores instead of a call to `memmove`.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        switch count {
        case 8...16:
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
        case 4..<8:
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
        case 1..<4:
            target[0] = source[0]
            target[count &- 1] = source[count &- 1]
            target[count &>> 1] = source[count &>> 1]
        case 0:
            break
        default:
            target.update(from: source, count: count)
        }
    }

    /// Appends `length` bytes produced by `fill`, which is only called when they fit.
    @inline(__always)
    mutating func append(length: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) {
        if length <= capacity &- count { fill(base + count) }
        count &+= length
    }

    /// Appends the decimal digits of `value`.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            appendDecimal(value.magnitude)
        } else {
            appendDecimal(UInt64(value))
        }
    }

    /// Appends the decimal digits of `value`.
    mutating func appendDecimal(_ value: UInt64) {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        append(length: digits) { start in
            var remaining = value
            var position = digits
            repeat {
                position -= 1
                start[position] = UInt8(truncatingIfNeeded: remaining % 10) &+ UInt8(ascii: "0")
                remaining /= 10
            } while position > 0
        }
    }

    /// Appends `string`'s UTF-8 as it is, for text known to be valid JSON (a number's digits).
    mutating func appendVerbatim(_ string: String) {
        string.withUTF8Buffer { append($0) }
    }
}

extension LineBuffer {
    /// The bytes `write` appends, in an array of exactly their size: one pass measures, a second
    /// fills. Nil when the passes disagree (a value's description changed in between).
    static func encodedBytes(_ write: (inout LineBuffer) -> Void) -> [UInt8]? {
        var scratch: UInt8 = 0
        let length = withUnsafeMutablePointer(to: &scratch) { pointer in
            var measuring = LineBuffer(base: pointer, capacity: 0)
            write(&measuring)
            return measuring.count
        }
        var matches = false
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { storage, initialized in
            initialized = 0
            guard let base = storage.baseAddress else { return }
            var buffer = LineBuffer(base: base, capacity: length)
            write(&buffer)
            matches = buffer.count == length
            initialized = matches ? length : 0
        }
        return matches || length == 0 ? bytes : nil
    }
}
