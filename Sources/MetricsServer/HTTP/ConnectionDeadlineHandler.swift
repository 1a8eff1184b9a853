import NIOCore

/// Closes a connection that takes too long: a request must arrive and be answered within the
/// request timeout from its first byte (from the accept, for a new connection), and a
/// keep-alive connection may wait for its next request only for the idle timeout.
///
/// Sits first in the pipeline, where it sees a request's first bytes before the HTTP decoder
/// has a whole head; the request handler reports each request it takes with ``RequestStarted``
/// and each written response with ``ResponseCompleted``. A pipelined request reaches the
/// request handler from the pipelining handler, without bytes passing here, often before the
/// previous response is flushed: counting requests in flight keeps it under the request
/// timeout rather than the idle one.
final class ConnectionDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private let requestTimeout: TimeAmount?
    private let idleTimeout: TimeAmount?
    private var isWaitingForRequest = false
    /// Requests taken by the request handler whose responses are not written yet.
    private var requestsInFlight = 0
    private var deadline: Scheduled<Void>?

    /// nil timeouts never expire.
    init(requestTimeout: TimeAmount?, idleTimeout: TimeAmount?) {
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive {
            arm(requestTimeout, context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(requestTimeout, context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if isWaitingForRequest {
            isWaitingForRequest = false
            arm(requestTimeout, context: context)
        }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        switch event {
        case is RequestStarted:
            requestsInFlight += 1
            if isWaitingForRequest {
                isWaitingForRequest = false
                arm(requestTimeout, context: context)
            }
        case is ResponseCompleted:
            requestsInFlight = max(requestsInFlight - 1, 0)
            if requestsInFlight > 0 {
                arm(requestTimeout, context: context)
            } else {
                isWaitingForRequest = true
                arm(idleTimeout, context: context)
            }
        default:
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        promise?.succeed()
    }

    private func arm(_ timeout: TimeAmount?, context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = timeout.map { timeout in
            context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                context.close(promise: nil)
            }
        }
    }
}
