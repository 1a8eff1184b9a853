import ArgumentParser

/// `--collector.udp_queues` and `--no-collector.udp_queues`.
enum UDPQueuesFlag: EnumerableFlag {
    case enable, disable

    static func name(for value: UDPQueuesFlag) -> NameSpecification {
        .customLong(value == .enable ? "collector.udp_queues" : "no-collector.udp_queues")
    }

    static func help(for value: UDPQueuesFlag) -> ArgumentHelp? {
        value == .enable ? "Enable the udp_queues collector (default: enabled)." : nil
    }
}
