/// psutil's `usage_percent(used, total, round_=1)`: `used / total * 100` rounded to one decimal
/// the way Python's `round` does it (half to even, on the exact binary value), and 0 when
/// `total` is 0.
enum UsagePercent {
    static func of(_ used: Double, total: Double) -> Double {
        guard total != 0 else { return 0 }
        return roundedToOneDecimal(used / total * 100)
    }

    static func roundedToOneDecimal(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        let scaled = value * 10
        var rounded = scaled.rounded(.toNearestOrEven)
        if abs(scaled - rounded) == 0.5 {
            // `scaled` is a tie only after rounding: the exact product decides the direction.
            let error = (-scaled).addingProduct(value, 10)
            if error > 0 {
                rounded = scaled.rounded(.up)
            } else if error < 0 {
                rounded = scaled.rounded(.down)
            }
        }
        return rounded / 10
    }
}
