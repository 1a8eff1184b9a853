extension UInt64 {
    /// Sixteen lowercase hex digits with leading zeros, as Alertmanager prints fingerprints.
    var sixteenHexDigits: String {
        let digits = String(self, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
