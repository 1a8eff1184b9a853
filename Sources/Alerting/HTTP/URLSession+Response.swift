import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension URLSession {
    /// The response to `request`. Cancelling the calling task ends the wait at once with
    /// `CancellationError` but never cancels the URLSessionTask, which finishes or times out by
    /// itself: on Linux, cancelling a URLSessionTask as its transfer completes either deadlocks
    /// (swiftlang/swift-corelibs-foundation#5412, which `data(for:)` runs into) or stops the
    /// process with a fatal error in FoundationNetworking's task registry.
    func response(for request: URLRequest) async throws -> URLResponse {
        let wait = OnceContinuation<URLResponse>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard wait.begin(continuation) else { return }
                let task = dataTask(with: request) { _, response, error in
                    if let error {
                        wait.settle(.failure(error))
                    } else {
                        wait.settle(response.map { .success($0) } ?? .failure(URLError(.badServerResponse)))
                    }
                }
                task.delegate = RefuseRedirects.shared
                task.resume()
            }
        } onCancel: {
            wait.settle(.failure(CancellationError()))
        }
    }
}

/// Makes a redirect the answer instead of following it. URLSession follows one by replaying the
/// request's headers (credentials, signature) to wherever `Location` points, turns a POST into a
/// body-less GET for 301–303 and sends 307/308 without the body on Linux, and then reports the
/// other server's 2xx as a delivery.
private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    static let shared = RefuseRedirects()

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
