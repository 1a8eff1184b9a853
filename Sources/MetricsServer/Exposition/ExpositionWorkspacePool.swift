import Synchronization

/// Workspaces kept between scrapes, so a steady scrape allocates only its response. At most
/// `capacity` are kept: as many as scrapes can run at once on the thread pool.
final class ExpositionWorkspacePool: Sendable {
    private let idle = Mutex<[ExpositionWorkspace]>([])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// A workspace with empty `bytes`, reused when one is idle.
    func take() -> ExpositionWorkspace {
        idle.withLock { $0.popLast() } ?? ExpositionWorkspace()
    }

    /// Returns a workspace after its scrape, emptied but keeping its capacity.
    func giveBack(_ workspace: ExpositionWorkspace) {
        workspace.bytes.removeAll(keepingCapacity: true)
        idle.withLock { idle in
            if idle.count < capacity {
                idle.append(workspace)
            }
        }
    }
}
