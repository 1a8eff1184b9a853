import Synchronization

/// Holds families and collectors, and writes them all out on a scrape.
///
/// Registering is idempotent: the same definition under the same name returns the family
/// already registered, so modules can declare what they use without coordinating. A different
/// definition under that name, or a name another family's samples already use, is an error.
/// Families are written sorted by name, series sorted by label values, so two scrapes of the
/// same state are byte-identical.
public final class PrometheusRegistry: Sendable {
    /// The registry that the swift-metrics factory and the metrics server use unless told
    /// otherwise.
    public static let `default` = PrometheusRegistry()

    /// Whether OpenMetrics output carries `_created` samples for counters, histograms and
    /// summaries.
    public let exposesCreatedSamples: Bool
    /// The series limit of families that do not set their own.
    public let defaultMaxSeries: Int

    let diagnostics = RegistryDiagnostics()
    private let state = Locked(State())
    /// The buffer of the last scrape, kept so the next one writes into warm memory.
    private let spareBuffer = Locked<ExpositionBuffer?>(nil)
    /// Collected families' metadata (names checked, metadata lines rendered) by name: a
    /// collector reports the same families on every scrape.
    private let collectedMetadata = Locked<[String: FamilyMetadata]>([:])
    /// More distinct collected family names than any exporter has; past it the cache starts over.
    private static let collectedMetadataLimit = 10_000
    /// The collected family names of the last scrape and their order by name: collectors report
    /// the same families in the same order scrape after scrape, so the sort is usually skipped.
    private let lastCollectedOrder = Locked<(names: [String], order: [Int])>(([], []))

    private struct Registration {
        let definition: MetricDefinition
        let family: any ExposableFamily
        /// What `make*` returns for this definition (a family or its only series).
        let handle: any Sendable
        /// Every name the family's samples use in either format.
        let sampleNames: Set<String>
    }

    private struct State {
        var registrations: [String: Registration] = [:]
        var sampleNameOwners: [String: String] = [:]
        var collectors: [(id: UInt64, collector: any PrometheusCollector)] = []
        var nextCollectorID: UInt64 = 0
        var sortedFamilies: [any ExposableFamily]?
    }

    /// - Parameters:
    ///   - exposesCreatedSamples: add `_created` samples to OpenMetrics output.
    ///   - defaultMaxSeries: the series limit of families that do not set one.
    public init(exposesCreatedSamples: Bool = false, defaultMaxSeries: Int = 10_000) {
        self.exposesCreatedSamples = exposesCreatedSamples
        self.defaultMaxSeries = max(1, defaultMaxSeries)
    }

    // MARK: Exposition

    /// Appends every family in `format` to `bytes`; pass a buffer kept across scrapes to reuse
    /// its capacity.
    public func write(_ format: ExpositionFormat, into bytes: inout [UInt8]) {
        let (registered, collectors) = state.withLock { state in
            (sortedFamilies(&state), state.collectors.map(\.collector))
        }
        var collected: [CollectedFamily] = []
        for collector in collectors {
            collector.collect(into: &collected)
        }
        let scraped = prepare(collected, besides: registered)
        let reused = spareBuffer.withLock { $0.take() }
        var writer = ExpositionWriter(format: format, exposesCreated: exposesCreatedSamples, buffer: reused ?? ExpositionBuffer())
        writer.buffer.removeAll()
        var next = 0
        for family in scraped {
            while next < registered.count && registered[next].metadata.textName < family.metadata.textName {
                registered[next].write(to: &writer)
                next += 1
            }
            family.write(to: &writer)
        }
        for family in registered[next...] {
            family.write(to: &writer)
        }
        if format == .openMetrics {
            writer.buffer.append("# EOF\n")
        }
        writer.buffer.copy(into: &bytes)
        var finished = Optional(writer.finish())
        spareBuffer.withLock { $0 = finished.take() }
    }

    /// Every family in `format`, as a new buffer.
    public func exposition(_ format: ExpositionFormat = .prometheusText) -> [UInt8] {
        var bytes: [UInt8] = []
        write(format, into: &bytes)
        return bytes
    }

    private func sortedFamilies(_ state: inout State) -> [any ExposableFamily] {
        if let sorted = state.sortedFamilies { return sorted }
        let sorted = state.registrations.values.map(\.family).sorted { $0.metadata.textName < $1.metadata.textName }
        state.sortedFamilies = sorted
        return sorted
    }

    /// Collected families checked, merged by name and sorted; diagnostics come last, since
    /// preparing may count rejections.
    private func prepare(_ collected: [CollectedFamily], besides registered: [any ExposableFamily]) -> [PreparedFamily] {
        var prepared = merged(collected, besides: registered)
        for family in diagnostics.collect() {
            let family = PreparedFamily(family, metadata: FamilyMetadata(collectedName: family.name, type: family.type, help: family.help, unit: family.unit), diagnostics: diagnostics)
            let index = prepared.firstIndex { $0.metadata.textName > family.metadata.textName } ?? prepared.endIndex
            prepared.insert(family, at: index)
        }
        return prepared
    }

    /// One prepared family per name, in name order: families of one name from several
    /// collectors (`node_scrape_collector_*`) are merged when their types agree; a family that
    /// takes a registered family's name, or disagrees on type, is dropped and counted.
    private func merged(_ collected: [CollectedFamily], besides registered: [any ExposableFamily]) -> [PreparedFamily] {
        let registeredNames = registered.isEmpty ? [] : Set(registered.map(\.metadata.textName))
        let order = nameOrder(of: collected)
        var prepared: [PreparedFamily] = []
        prepared.reserveCapacity(order.count)
        var position = 0
        collectedMetadata.withLock { cache in
            while position < order.count {
                var family = collected[order[position]]
                position += 1
                while position < order.count && UTF8Bytes.equal(collected[order[position]].name, family.name) {
                    let next = collected[order[position]]
                    if next.type == family.type {
                        family.metrics += next.metrics
                    } else {
                        diagnostics.countRejection(family: family.name, reason: .typeMismatch)
                    }
                    position += 1
                }
                guard !registeredNames.contains(family.name), let metadata = Self.metadata(of: family, cache: &cache) else {
                    diagnostics.countRejection(family: family.name, reason: .invalidFamily)
                    continue
                }
                if metadata.unit != nil && !metadata.writesUnit {
                    diagnostics.countRejection(family: family.name, reason: .invalidUnit)
                }
                prepared.append(PreparedFamily(family, metadata: metadata, diagnostics: diagnostics))
            }
        }
        return prepared
    }

    /// Positions of `collected` in name order (collector order among equal names).
    private func nameOrder(of collected: [CollectedFamily]) -> [Int] {
        lastCollectedOrder.withLock { last in
            if last.names.count == collected.count && zip(last.names, collected).allSatisfy({ $0 == $1.name }) {
                return last.order
            }
            let order = collected.enumerated()
                .map { NameOrder(name: $0.element.name, position: $0.offset) }
                .sorted(by: NameOrder.precedes)
                .map { $0.position }
            last = (collected.map(\.name), order)
            return order
        }
    }

    /// The family's metadata from the cache, or made (and cached) when the name is valid.
    private static func metadata(of family: CollectedFamily, cache: inout [String: FamilyMetadata]) -> FamilyMetadata? {
        if let cached = cache[family.name], cached.type == family.type, cached.help == family.help, cached.unit == family.unit {
            return cached
        }
        guard MetricNames.isValidMetricName(family.name) else { return nil }
        let metadata = FamilyMetadata(collectedName: family.name, type: family.type, help: family.help, unit: family.unit)
        if cache.count >= collectedMetadataLimit { cache.removeAll(keepingCapacity: true) }
        cache[family.name] = metadata
        return metadata
    }

    // MARK: Registration

    /// Registers `definition` or returns what an equal, earlier registration returned; with
    /// `replacing`, an equal earlier registration is replaced by what `make` makes instead
    /// (a collect-time metric registered again reads its new closure).
    func register<Handle: Sendable>(
        _ definition: MetricDefinition,
        replacing: Bool = false,
        make: () -> (family: any ExposableFamily, handle: Handle)
    ) throws(PrometheusMetricsError) -> Handle {
        try MetricValidation.validate(definition)
        let result: Result<Handle, PrometheusMetricsError> = state.withLock { state in
            if let existing = state.registrations[definition.name] {
                guard existing.definition == definition, let handle = existing.handle as? Handle else {
                    return .failure(.conflictingDefinition(registered: existing.definition, requested: definition))
                }
                guard replacing else { return .success(handle) }
                let replacement = make()
                state.registrations[definition.name] = Registration(
                    definition: definition,
                    family: replacement.family,
                    handle: replacement.handle,
                    sampleNames: existing.sampleNames
                )
                state.sortedFamilies = nil
                return .success(replacement.handle)
            }
            let sampleNames = MetricValidation.sampleNames(of: definition)
            for sampleName in sampleNames.sorted() {
                if let owner = state.sampleNameOwners[sampleName] {
                    return .failure(.sampleNameClash(metric: definition.name, sampleName: sampleName, registeredFamily: owner))
                }
            }
            let (family, handle) = make()
            state.registrations[definition.name] = Registration(
                definition: definition,
                family: family,
                handle: handle,
                sampleNames: sampleNames
            )
            for sampleName in sampleNames {
                state.sampleNameOwners[sampleName] = definition.name
            }
            state.sortedFamilies = nil
            return .success(handle)
        }
        return try result.get()
    }

    /// Removes the family registered under `name` (as registered, or its 0.0.4 text name);
    /// false if there is none. Handles to it keep working but are no longer exposed.
    @discardableResult
    public func unregister(name: String) -> Bool {
        state.withLock { state in
            let key = state.registrations[name] != nil ? name : state.registrations.first { $0.value.family.metadata.textName == name }?.key
            guard let key, let registration = state.registrations.removeValue(forKey: key) else { return false }
            for sampleName in registration.sampleNames {
                state.sampleNameOwners.removeValue(forKey: sampleName)
            }
            state.sortedFamilies = nil
            return true
        }
    }

    /// Adds a collector, called on every scrape until unregistered.
    @discardableResult
    public func register(collector: some PrometheusCollector) -> CollectorRegistration {
        state.withLock { state in
            state.nextCollectorID += 1
            state.collectors.append((state.nextCollectorID, collector))
            return CollectorRegistration(id: state.nextCollectorID)
        }
    }

    /// Removes a collector; false if it was not registered.
    @discardableResult
    public func unregister(_ registration: CollectorRegistration) -> Bool {
        state.withLock { state in
            let before = state.collectors.count
            state.collectors.removeAll { $0.id == registration.id }
            return state.collectors.count != before
        }
    }

    func rejectionReporter(for definition: MetricDefinition) -> RejectionReporter {
        RejectionReporter(family: definition.name, diagnostics: diagnostics)
    }
}

extension PrometheusRegistry {
    /// Removes the series whose handle this is from whichever family holds it (swift-metrics'
    /// `destroy*`); false if none does.
    @discardableResult
    func removeSeries(_ handle: AnyObject) -> Bool {
        let families = state.withLock { state in state.registrations.values.compactMap { $0.family as? any SeriesRemoving } }
        return families.contains { $0.removeSeries(handle) }
    }
}
