/// Anything the registry writes as one family: registered families, collect-time metrics,
/// and the families custom collectors return.
protocol ExposableFamily: Sendable {
    var metadata: FamilyMetadata { get }
    func write(to writer: inout ExpositionWriter)
}
