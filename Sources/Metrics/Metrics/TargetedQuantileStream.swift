/// Streaming quantile estimation with per-quantile error targets (Cormode, Korn, Muthukrishnan
/// and Srivastava, "Effective computation of biased quantiles over data streams", 2005): keeps
/// a small, compressed sorted summary instead of every observation. It behaves as
/// beorn7/perks' targeted stream, which client_golang summaries use, so that both report the
/// same estimates: observations wait in a buffer of 500 and are merged sorted when it fills,
/// and until the first merge a query is answered exactly from the buffer.
struct TargetedQuantileStream {
    private struct Tuple {
        var value: Double
        /// Rank difference to the previous tuple.
        var width: Double
        /// Rank uncertainty.
        var delta: Double
    }

    private static let bufferCapacity = 500

    private let targets: [SummaryQuantile]
    private var tuples: [Tuple] = []
    /// Observations merged into `tuples`.
    private var observations = 0.0
    private var buffer: [Double] = []
    private var bufferIsSorted = true

    init(targets: [SummaryQuantile]) {
        self.targets = targets
        buffer.reserveCapacity(Self.bufferCapacity)
    }

    /// The number of tuples the compressed summary keeps.
    var tupleCount: Int { tuples.count }

    mutating func insert(_ value: Double) {
        buffer.append(value)
        bufferIsSorted = false
        if buffer.count == Self.bufferCapacity { flush() }
    }

    /// The estimate for quantile `q`, or NaN without observations.
    mutating func query(_ q: Double) -> Double {
        guard !tuples.isEmpty else {
            // Nothing merged yet: the buffer holds every observation, so answer exactly.
            guard !buffer.isEmpty else { return .nan }
            sortBuffer()
            let rank = Int((Double(buffer.count) * q).rounded(.up))
            return buffer[max(0, rank - 1)]
        }
        flush()
        var target = (q * observations).rounded(.up)
        target += (allowedError(atRank: target) / 2).rounded(.up)
        var previous = tuples[0]
        var rank = 0.0
        for tuple in tuples.dropFirst() {
            rank += previous.width
            if rank + tuple.width + tuple.delta > target { return previous.value }
            previous = tuple
        }
        return previous.value
    }

    /// Forgets every observation, keeping the memory.
    mutating func reset() {
        tuples.removeAll(keepingCapacity: true)
        observations = 0
        buffer.removeAll(keepingCapacity: true)
        bufferIsSorted = true
    }

    private mutating func sortBuffer() {
        guard !bufferIsSorted else { return }
        buffer.sort()
        bufferIsSorted = true
    }

    /// Merges the buffered observations, sorted, into the summary, then compresses it.
    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        sortBuffer()
        var rank = 0.0
        var index = 0
        for value in buffer {
            while index < tuples.count && tuples[index].value <= value {
                rank += tuples[index].width
                index += 1
            }
            let delta = index == tuples.count ? 0 : max(0, allowedError(atRank: rank).rounded(.down) - 1)
            tuples.insert(Tuple(value: value, width: 1, delta: delta), at: index)
            index += 1
            rank += 1
            observations += 1
        }
        buffer.removeAll(keepingCapacity: true)
        compress()
    }

    /// The rank error allowed at `rank`: the tightest of the targets.
    private func allowedError(atRank rank: Double) -> Double {
        var allowed = Double.greatestFiniteMagnitude
        for target in targets {
            let error = rank >= target.quantile * observations
                ? 2 * target.error * rank / target.quantile
                : 2 * target.error * (observations - rank) / (1 - target.quantile)
            allowed = min(allowed, error)
        }
        return allowed
    }

    /// Folds each tuple into the one above it while the error bound allows, from the top.
    private mutating func compress() {
        guard tuples.count >= 2 else { return }
        var merged = [tuples[tuples.count - 1]]
        merged.reserveCapacity(tuples.count)
        var rank = observations - 1 - tuples[tuples.count - 1].width
        for index in stride(from: tuples.count - 2, through: 0, by: -1) {
            let tuple = tuples[index]
            let last = merged[merged.count - 1]
            if tuple.width + last.width + last.delta <= allowedError(atRank: rank) {
                merged[merged.count - 1].width += tuple.width
            } else {
                merged.append(tuple)
            }
            rank -= tuple.width
        }
        tuples = merged.reversed()
    }
}
