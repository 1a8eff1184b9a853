import HostMetrics
import Testing

/// adjtimex(2) on this machine: the kernel's own clock state.
@Suite struct TimexTests {
    @Test func readsTheKernelClock() throws {
        let timex = try Timex.current()
        #expect((0...5).contains(timex.state))
        // The kernel reports TIME_ERROR whenever the clock is marked unsynchronised (STA_UNSYNC).
        if timex.status & 0x40 != 0 {
            #expect(timex.state == Timex.timeError)
        }
        #expect(timex.tick > 0 && timex.tick <= 1_000_000)
        #expect(timex.maximumError >= 0 && timex.estimatedError >= 0 && timex.constant >= 0)
        #expect(timex.isNanosecondResolution == (timex.status & Timex.nanosecondResolution != 0))
    }
}
