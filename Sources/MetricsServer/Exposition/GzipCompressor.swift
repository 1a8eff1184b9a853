internal import CObservabilityZlib
import NIOCore

/// A zlib deflate stream with gzip framing, reset for every response so that its state (about
/// 256 KB) is allocated once per workspace rather than once per scrape.
final class GzipCompressor {
    private let stream: UnsafeMutablePointer<z_stream>

    /// nil when zlib cannot set up a stream (out of memory).
    init?(level: Int32) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 window bits, plus 16 for a gzip header and trailer; memory level 8 is zlib's default.
        let status = observability_deflateInit2(stream, level, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Appends `bytes` as one gzip member to `buffer`; false, with `buffer` unchanged, when zlib
    /// fails.
    func compress(_ bytes: [UInt8], into buffer: inout ByteBuffer) -> Bool {
        guard bytes.count <= UInt32.max, deflateReset(stream) == Z_OK else { return false }
        let bound = Int(deflateBound(stream, UInt(bytes.count)))
        var status = Z_STREAM_ERROR
        bytes.withUnsafeBufferPointer { input in
            _ = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { output in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = UInt32(input.count)
                stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_out = UInt32(clamping: output.count)
                status = deflate(stream, Z_FINISH)
                let written = output.count - Int(stream.pointee.avail_out)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
                return status == Z_STREAM_END ? written : 0
            }
        }
        return status == Z_STREAM_END
    }
}
