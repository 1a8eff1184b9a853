/// A compiled `DeviceFilter` (node_exporter's `deviceFilter`).
struct DeviceSelector: Sendable {
    let exclude: NamePattern?
    let include: NamePattern?

    /// True when the collector leaves the device out.
    func ignores(_ device: String) -> Bool {
        if let exclude, exclude.matches(device) { return true }
        if let include, !include.matches(device) { return true }
        return false
    }
}
