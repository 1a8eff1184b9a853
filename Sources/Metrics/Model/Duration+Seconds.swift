extension Duration {
    /// The duration in seconds, the unit Prometheus records durations in.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
