/// A family that can drop a series given its handle.
protocol SeriesRemoving: Sendable {
    func removeSeries(_ handle: AnyObject) -> Bool
}
