import Foundation
import Markdown
import Rapporteur
import Support

/// What `serve` adds to the HTML it serves (never to files the build writes): a script that
/// listens for new builds, and an overlay with the errors of a failed rebuild.
enum LiveReload {
    /// The WebSocket path pages connect to. It cannot clash with a site file: the builder makes
    /// no path starting with `__`.
    static let path = "/__rapporteur/reload"

    /// The status message sent to pages: the current build and, when the last rebuild failed, its
    /// errors. A page reloads when the build differs from the one it was served from.
    static func message(for current: PreviewState.Current) -> String {
        var object: [String: String] = ["build": current.snapshot?.buildID ?? ""]
        if !current.errors.isEmpty { object["errors"] = errorText(current.errors) }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// `html` with the overlay (when there are errors) and the reload script inserted before
    /// `</body>`.
    static func decorate(_ html: Data, buildID: String, errors: [Diagnostic]) -> Data {
        var insert = errors.isEmpty ? "" : overlay(errors)
        insert += script(buildID: buildID)
        var result = html
        let marker = Data("</body>".utf8)
        let position = html.range(of: marker, options: .backwards)?.lowerBound ?? html.endIndex
        result.insert(contentsOf: Data(insert.utf8), at: position)
        return result
    }

    /// The diagnostics as compilers print them, one a line.
    static func errorText(_ errors: [Diagnostic]) -> String {
        errors.map(\.description).joined(separator: "\n")
    }

    static let overlayID = "rapporteur-errors"

    /// The overlay as HTML: every diagnostic escaped, since messages quote the author's text.
    static func overlay(_ errors: [Diagnostic]) -> String {
        "<div id=\"\(overlayID)\" role=\"alert\" style=\"\(overlayStyle)\"><strong>\(overlayTitle)</strong>"
            + "<pre style=\"white-space:pre-wrap;margin:.5em 0 0\">\(HTML.escape(errorText(errors)))</pre></div>"
    }

    private static let overlayTitle = "Build failed: showing the last good build. Fix the file and save."
    private static let overlayStyle =
        "position:fixed;z-index:2147483647;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;"
        + "padding:1em;background:#fff0f0;color:#600;border-top:3px solid #c00;font:14px/1.4 monospace"

    /// The client: the build id is alphanumeric (see `PreviewState`), so it is safe inside the string.
    private static func script(buildID: String) -> String {
        """
        <script>(() => {
        const served = "\(buildID)";
        const show = (text) => {
          let box = document.getElementById("\(overlayID)");
          if (!text) { if (box) box.remove(); return; }
          if (!box) {
            box = document.createElement("div");
            box.id = "\(overlayID)";
            box.setAttribute("role", "alert");
            box.style.cssText = "\(overlayStyle)";
            document.body.append(box);
          }
          const title = document.createElement("strong");
          title.textContent = "\(overlayTitle)";
          const list = document.createElement("pre");
          list.style.cssText = "white-space:pre-wrap;margin:.5em 0 0";
          list.textContent = text;
          box.replaceChildren(title, list);
        };
        const connect = () => {
          const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(path)");
          socket.onmessage = (event) => {
            const status = JSON.parse(event.data);
            if (status.build && status.build !== served) { location.reload(); return; }
            show(status.errors);
          };
          socket.onclose = () => setTimeout(connect, 1000);
        };
        connect();
        })();</script>

        """
    }
}
