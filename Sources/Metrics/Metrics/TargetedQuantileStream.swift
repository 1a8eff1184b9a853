/// Streaming quantile estimation with per-quantile error targets (Cormode, Korn, Muthukrishnan
/// and Srivastava, "Effective computation of biased quantiles over data streams", 2005): keeps
/// a small, compressed sorted summary instead of every observation. The algorithm client_golang
/// summaries use.
struct TargetedQuantileStream {
    private struct Tuple {
        var value: Double
        /// Rank difference to the previous tuple.
        var width: Double
        /// Rank uncertainty.
        var delta: Double
    }

    private let targets: [SummaryQuantile]
    private var tuples: [Tuple] = []
    private var observations = 0.0

    init(targets: [SummaryQuantile]) {
        self.targets = targets
    }

    var isEmpty: Bool { tuples.isEmpty }

    /// Merges sorted observations into the summary, then compresses it.
    mutating func insert(sorted values: [Double]) {
        var rank = 0.0
        var index = 0
        for value in values {
            while index < tuples.count && tuples[index].value <= value {
                rank += tuples[index].width
                index += 1
            }
            let delta = index == tuples.count ? 0 : max(0, (allowedError(atRank: rank) - 1).rounded(.down))
            tuples.insert(Tuple(value: value, width: 1, delta: delta), at: index)
            index += 1
            rank += 1
            observations += 1
        }
        compress()
    }

    /// The estimate for quantile `q`, or NaN without observations.
    func query(_ q: Double) -> Double {
        guard let first = tuples.first else { return .nan }
        var target = (q * observations).rounded(.up)
        target += (allowedError(atRank: target) / 2).rounded(.up)
        var previous = first
        var rank = 0.0
        for tuple in tuples.dropFirst() {
            rank += previous.width
            if rank + tuple.width + tuple.delta > target { return previous.value }
            previous = tuple
        }
        return previous.value
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

    /// Merges neighbouring tuples while the error bound allows.
    private mutating func compress() {
        guard tuples.count > 2 else { return }
        var merged = [tuples[tuples.count - 1]]
        merged.reserveCapacity(tuples.count)
        var rank = observations - 1 - tuples[tuples.count - 1].width
        for index in stride(from: tuples.count - 2, through: 0, by: -1) {
            let tuple = tuples[index]
            let last = merged[merged.count - 1]
            if index > 0 && tuple.width + last.width + last.delta <= allowedError(atRank: rank) {
                merged[merged.count - 1].width += tuple.width
            } else {
                merged.append(tuple)
            }
            rank -= tuple.width
        }
        tuples = merged.reversed()
    }
}
