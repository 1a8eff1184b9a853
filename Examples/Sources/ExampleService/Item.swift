import Hummingbird

/// What the service stores and serves.
struct Item: ResponseCodable, Sendable {
    let id: Int
    let name: String
}

/// The body of `POST /items`.
struct NewItem: Decodable, Sendable {
    let name: String
}
