/// Refuses requests made through DNS rebinding: a page on `evil.example` whose name was re-pointed
/// at 127.0.0.1 sends `Host: evil.example`, so only names that cannot be rebound are accepted.
struct HostPolicy: Sendable {
    /// The port the server listens on; a `Host` naming another port is refused.
    let port: Int

    /// Whether a `Host` header names this server: `localhost` (or a `.localhost` name) or an IP
    /// address literal, with the listening port.
    func allows(host: String?) -> Bool {
        guard let host, let (name, port) = Self.split(host) else { return false }
        guard port == self.port || (port == nil && self.port == 80) else { return false }
        return name == "localhost" || name.hasSuffix(".localhost") || Self.isIPLiteral(name)
    }

    /// Whether a WebSocket handshake comes from a page of this server: browsers always send
    /// `Origin` there, and it must be the same scheme, host and port as the request's `Host`.
    func allows(origin: String?, host: String?) -> Bool {
        guard let origin, let host, allows(host: host) else { return false }
        return origin.lowercased() == "http://" + host.lowercased()
    }

    /// `name` (lowercased, IPv6 without brackets) and the port, or nil when malformed.
    private static func split(_ host: String) -> (String, Int?)? {
        let lowered = host.lowercased()
        if lowered.hasPrefix("[") {
            guard let close = lowered.firstIndex(of: "]") else { return nil }
            let name = String(lowered[lowered.index(after: lowered.startIndex)..<close])
            let rest = lowered[lowered.index(after: close)...]
            if rest.isEmpty { return (name, nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (name, port)
        }
        let parts = lowered.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return (lowered, nil)
        case 2:
            guard let port = Int(parts[1]) else { return nil }
            return (String(parts[0]), port)
        default: return nil
        }
    }

    private static func isIPLiteral(_ name: String) -> Bool {
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy({ Int($0).map { (0...255).contains($0) } ?? false }) {
            return true
        }
        return name.contains(":") && name.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
}
