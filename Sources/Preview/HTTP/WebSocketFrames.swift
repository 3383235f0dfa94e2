import FlyingFox
import FlyingSocks
import Foundation

/// WebSocket frames on the wire (RFC 6455 section 5.2): read from a client, which masks them,
/// and written unmasked. FlyingFox's own frame codec is internal to it.
enum WebSocketFrames {
    /// Pages send nothing but control frames; a larger frame is refused.
    static let payloadLimit = 64 * 1024

    struct ProtocolError: Error {}

    /// The next frame from the client, unmasked; nil when the client has closed the connection.
    static func next(from reader: ConnectionReader) async throws -> WSFrame? {
        let head: ArraySlice<UInt8>
        do {
            head = try await reader.read(2)
        } catch SocketError.disconnected {
            return nil
        }
        let first = head[head.startIndex]
        let second = head[head.startIndex + 1]
        guard second & 0x80 != 0 else { throw ProtocolError() }
        var length = UInt64(second & 0x7f)
        if length >= 126 {
            length = try await reader.read(length == 126 ? 2 : 8).reduce(0) { $0 << 8 | UInt64($1) }
        }
        guard length <= payloadLimit else { throw ProtocolError() }
        let mask = Array(try await reader.read(4))
        let payload = Data(try await reader.read(Int(length)).enumerated().map { $0.element ^ mask[$0.offset % 4] })
        return WSFrame(
            fin: first & 0x80 != 0, rsv1: first & 0x40 != 0, rsv2: first & 0x20 != 0, rsv3: first & 0x10 != 0,
            opcode: WSFrame.Opcode(first & 0x0f), mask: nil, payload: payload)
    }

    /// A server frame as bytes.
    static func encode(_ frame: WSFrame) -> Data {
        var bytes: [UInt8] = [
            (frame.fin ? 0x80 : 0) | (frame.rsv1 ? 0x40 : 0) | (frame.rsv2 ? 0x20 : 0) | (frame.rsv3 ? 0x10 : 0) | frame.opcode.rawValue
        ]
        let count = frame.payload.count
        switch count {
        case ..<126: bytes.append(UInt8(count))
        case ...0xffff: bytes += [126, UInt8(count >> 8), UInt8(count & 0xff)]
        default: bytes += [127] + (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(count) >> ($0 * 8)) }
        }
        return Data(bytes) + frame.payload
    }
}
