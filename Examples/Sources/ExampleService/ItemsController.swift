import Hummingbird
import Logging

/// `GET /items`, `GET /items/:id` (read through the cache) and `POST /items`.
struct ItemsController<Context: RequestContext>: Sendable {
    /// The most items `GET /items` returns, and its default `limit`.
    static var maximumLimit: Int { 100 }

    let database: ItemDatabase
    let cache: ItemCache
    let logger: Logger

    func addRoutes(to group: RouterGroup<Context>) {
        group
            .get(use: list)
            .get(":id", use: show)
            .post(use: create)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> [Item] {
        let limit = request.uri.queryParameters.get("limit", as: Int.self) ?? Self.maximumLimit
        guard (1...Self.maximumLimit).contains(limit) else {
            throw HTTPError(.badRequest, message: "limit must be between 1 and \(Self.maximumLimit), not \(limit)")
        }
        return try await database.select(limit: limit)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Item {
        let id = try context.parameters.require("id", as: Int.self)
        guard let item = try await cache.item(id: id, load: database.select(id:)) else {
            throw HTTPError(.notFound, message: "no item \(id)")
        }
        return item
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> EditedResponse<Item> {
        let new = try await request.decode(as: NewItem.self, context: context)
        guard !new.name.isEmpty else { throw HTTPError(.badRequest, message: "name must not be empty") }
        let item = try await database.insert(name: new.name)
        logger.info("item created", metadata: ["item_id": .stringConvertible(item.id)])
        return EditedResponse(status: .created, response: item)
    }
}
