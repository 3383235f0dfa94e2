import FlyingFox
import Foundation
import Rapporteur
import Support

/// Answers every request of the preview server from the current snapshot.
struct PreviewHandler: HTTPHandler {
    let state: PreviewState
    /// Receives one line per request (method, escaped target, status).
    let log: @Sendable (String) -> Void

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await respond(to: request)
        log("\(request.method.rawValue) \(Self.escaped(request.target.rawValue)) \(response.statusCode.code)")
        return response
    }

    private func respond(to request: HTTPRequest) async throws -> HTTPResponse {
        let hosts = HostPolicy(port: state.port)
        guard hosts.allows(host: request.headers[.host]) else {
            return Self.text(.forbidden, "This server answers only to localhost and IP addresses (DNS rebinding protection).\n")
        }
        let rawPath = request.target.path()
        if rawPath == LiveReload.path {
            guard hosts.allows(origin: request.headers[HTTPHeader("Origin")], host: request.headers[.host]) else {
                return Self.text(.forbidden, "Reload connections are accepted from this server's pages only.\n")
            }
            return try await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: ReloadSocket(state: state)))
                .handleRequest(request)
        }
        guard request.method == .GET || request.method == .HEAD else {
            var response = Self.text(.methodNotAllowed, "Only GET and HEAD.\n")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        guard let path = RequestPath.resolve(rawPath) else {
            return Self.text(.badRequest, "Bad request.\n")
        }
        let response = answer(path: path, query: request.target.query(), current: state.now, ifNoneMatch: request.headers[.ifNoneMatch])
        return request.method == .HEAD ? Self.withoutBody(response) : response
    }

    private func answer(path: String, query: String, current: PreviewState.Current, ifNoneMatch: String?) -> HTTPResponse {
        guard let snapshot = current.snapshot else {
            // No build has succeeded yet: a page that shows the errors and reloads after the first good build.
            let page = LiveReload.decorate(
                Data("<!DOCTYPE html><title>Building</title><body></body>".utf8), buildID: "", errors: current.errors)
            return HTTPResponse(
                statusCode: .serviceUnavailable, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: page)
        }
        switch snapshot.resolve(path) {
        case .file(let filePath, let file):
            return serve(
                file, isHTML: MediaType.isHTML(filePath), status: .ok, current: current, snapshot: snapshot, ifNoneMatch: ifNoneMatch)
        case .redirect(let location):
            let target = query.isEmpty ? location : location + "?" + query
            let headers: HTTPHeaders = [.location: target, .cacheControl: "no-cache"]
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .notFound:
            guard let page = snapshot.notFoundPage else { return Self.text(.notFound, "Not found.\n") }
            return serve(page, isHTML: true, status: .notFound, current: current, snapshot: snapshot, ifNoneMatch: nil)
        }
    }

    private func serve(
        _ file: SiteSnapshot.File, isHTML: Bool, status: HTTPStatusCode, current: PreviewState.Current,
        snapshot: SiteSnapshot, ifNoneMatch: String?
    ) -> HTTPResponse {
        // An HTML page's bytes also depend on the injected script (build id) and the overlay.
        let etag = isHTML ? Self.etag(file.etag, buildID: snapshot.buildID, errors: current.errors) : file.etag
        var headers: HTTPHeaders = [
            .contentType: file.contentType, .eTag: etag, .cacheControl: "no-cache",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        if let ifNoneMatch, Self.matches(ifNoneMatch, etag: etag) {
            headers[.contentType] = nil
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }
        let body = isHTML ? LiveReload.decorate(file.data, buildID: snapshot.buildID, errors: current.errors) : file.data
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}

// MARK: - Helpers

private extension PreviewHandler {
    static func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(message.utf8))
    }

    /// HEAD gets the headers of GET, including its `Content-Length`, and no body.
    static func withoutBody(_ response: HTTPResponse) -> HTTPResponse {
        var headers = response.headers
        if headers[.contentLength] == nil, case .httpBody(let body) = response.payload {
            headers[.contentLength] = String(body.count ?? 0)
        }
        return HTTPResponse(statusCode: response.statusCode, headers: headers)
    }

    static func etag(_ fileTag: String, buildID: String, errors: [Diagnostic]) -> String {
        var hasher = FNV1a()
        hasher.add(buildID)
        hasher.add(LiveReload.errorText(errors))
        return "\"" + fileTag.trimmingCharacters(in: ["\""]) + "-" + hasher.hex + "\""
    }

    /// `If-None-Match` holds a list of tags, possibly weak (`W/"…"`), or `*`.
    static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    /// Control characters and non-ASCII escaped, so a request cannot forge log lines or terminal codes.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7f && scalar != "\\" {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return result
    }
}
