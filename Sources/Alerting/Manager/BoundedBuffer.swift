/// A first-in first-out buffer of fixed capacity that evicts its oldest element when full.
///
/// Storage grows with use up to the capacity, and removal from the front is amortised O(1)
/// (the consumed prefix is compacted away once it is half the storage).
struct BoundedBuffer<Element> {
    let capacity: Int
    private var storage: [Element] = []
    private var head = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Appends, returning the oldest element if it had to make room.
    mutating func append(_ element: Element) -> Element? {
        let evicted = storage.count - head == capacity ? popFirst() : nil
        storage.append(element)
        return evicted
    }

    mutating func popFirst() -> Element? {
        guard head < storage.count else { return nil }
        let element = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 32, head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }

    mutating func removeAll() -> [Element] {
        let remaining = Array(storage[head...])
        storage.removeAll()
        head = 0
        return remaining
    }
}
