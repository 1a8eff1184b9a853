extension Dictionary {
    /// Calls `body` with each key and value. Walking the indices and reading `keys` and `values`
    /// costs less than half of a `for (key, value) in` loop, whose element tuples Swift copies
    /// through the runtime.
    @inline(__always)
    func forEachKeyAndValue(_ body: (Key, Value) -> Void) {
        var index = startIndex
        while index != endIndex {
            body(keys[index], values[index])
            formIndex(after: &index)
        }
    }
}
