import FlyingFox
import Foundation

/// Answers the preview's requests: the course's pages (with the reload script), the stylesheet,
/// the images the lessons show, and the event stream that tells open pages to reload.
struct PreviewHandler: HTTPHandler {
    let course: PreviewCourse
    let events: ReloadEvents

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET else { return Self.text(.methodNotAllowed, "only GET is served\n") }
        let decoded = request.path.removingPercentEncoding ?? request.path
        let path = String(decoded.drop { $0 == "/" })
        switch path {
        case "_litmus/events":
            let page = request.query["page"] ?? "index.html"
            let version = request.query["version"].flatMap(Int.init) ?? 0
            let stream = events.subscribe(page: page, stale: course.version(of: page) > version)
            return HTTPResponse(
                statusCode: .ok,
                headers: [
                    .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
                    HTTPHeader("X-Accel-Buffering"): "no",
                ],
                body: HTTPBodySequence(from: EventStreamBody(events: stream), suggestedBufferSize: 256))
        case "_litmus/preview.css":
            return Self.response(Data(PreviewPage.stylesheet.utf8), type: "text/css; charset=utf-8")
        default:
            break
        }
        switch course.resource(path) {
        case .page(let html, let policy):
            var response = Self.response(Data(html.utf8), type: "text/html; charset=utf-8")
            response.headers[HTTPHeader("Content-Security-Policy")] = policy
            return response
        case .stylesheet(let css):
            return Self.response(Data(css.utf8), type: "text/css; charset=utf-8")
        case .file(let url):
            guard let data = try? Data(contentsOf: url) else { return Self.text(.notFound, "not found\n") }
            return Self.response(data, type: Self.mediaType(of: url.pathExtension))
        case .notFound:
            return Self.text(.notFound, "not found: /\(path)\n")
        }
    }

    /// A response that no cache keeps (the preview changes under the author's hands), whose
    /// type the browser takes as given, and in which nothing runs but the pages' reload script.
    static func response(_ body: Data, type: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        HTTPResponse(
            statusCode: status,
            headers: [
                .contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
                HTTPHeader("Referrer-Policy"): "no-referrer",
                HTTPHeader("Content-Security-Policy"): PreviewPage.filePolicy,
            ],
            body: body)
    }

    static func text(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        response(Data(text.utf8), type: "text/plain; charset=utf-8", status: status)
    }

    static func mediaType(of pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "svg": "image/svg+xml"
        case "webp": "image/webp"
        case "avif": "image/avif"
        case "bmp": "image/bmp"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }
}
