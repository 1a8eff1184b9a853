extension CPUTimes {
    /// The share of time the CPU was busy between `earlier` and this sample, in percent with one
    /// decimal, as psutil's `cpu_percent` computes it: each mode's change (negative changes count
    /// as 0), total = all modes − guest − guestNice (already in user and nice), busy = total −
    /// idle − iowait, percent = busy / total × 100; 0 when no time passed.
    public func busyPercent(since earlier: CPUTimes) -> Double {
        let user = max(0, self.user - earlier.user)
        let nice = max(0, self.nice - earlier.nice)
        let system = max(0, self.system - earlier.system)
        let idle = max(0, self.idle - earlier.idle)
        let iowait = max(0, self.iowait - earlier.iowait)
        let irq = max(0, self.irq - earlier.irq)
        let softirq = max(0, self.softirq - earlier.softirq)
        let steal = max(0, self.steal - earlier.steal)
        let guest = max(0, self.guest - earlier.guest)
        let guestNice = max(0, self.guestNice - earlier.guestNice)
        // The same order of additions as psutil, so the results agree to the last bit.
        var total = user + nice + system + idle + iowait + irq + softirq + steal + guest + guestNice
        total -= guest
        total -= guestNice
        let busy = total - idle - iowait
        return UsagePercent.of(busy, total: total)
    }
}
