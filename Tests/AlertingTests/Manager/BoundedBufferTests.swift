@testable import Alerting
import ObservabilityTestSupport
import Testing

@Suite struct BoundedBufferTests {
    @Test func evictsTheOldestWhenFull() {
        var buffer = BoundedBuffer<Int>(capacity: 3)
        let evicted = (1...5).map { buffer.append($0) }
        let remaining = buffer.removeAll()
        #expect(evicted == [nil, nil, nil, 1, 2])
        #expect(remaining == [3, 4, 5])
        #expect(buffer.popFirst() == nil)
    }

    @Test func keepsFirstInFirstOutOrderAcrossCompactions() {
        var buffer = BoundedBuffer<Int>(capacity: 100)
        var model: [Int] = []
        var mismatches = 0
        var generator = SplitMix64(seed: 3)
        for next in 0..<10_000 {
            if Bool.random(using: &generator) {
                let evicted = buffer.append(next)
                model.append(next)
                let expected = model.count > 100 ? model.removeFirst() : nil
                if evicted != expected { mismatches += 1 }
            } else {
                let popped = buffer.popFirst()
                if popped != (model.isEmpty ? nil : model.removeFirst()) { mismatches += 1 }
            }
        }
        let remaining = buffer.removeAll()
        #expect(mismatches == 0)
        #expect(remaining == model)
    }
}
