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
                dataTask(with: request) { _, response, error in
                    if let error {
                        wait.settle(.failure(error))
                    } else {
                        wait.settle(response.map { .success($0) } ?? .failure(URLError(.badServerResponse)))
                    }
                }.resume()
            }
        } onCancel: {
            wait.settle(.failure(CancellationError()))
        }
    }
}
