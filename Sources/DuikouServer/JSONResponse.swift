import DuikouKit
import Hummingbird

/// Responses whose body is JSON text made by the library's encoder, byte for byte what the `duikou`
/// CLI prints for the same value (indented, with a final line break).
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    /// `value` as the CLI prints it.
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        make(text: value.text(pretty: true) + "\n", status: status, headers: headers)
    }

    /// A listing as the CLI prints it with `--format json`.
    static func make(_ listing: Listing, headers: HTTPFields = [:]) -> Response {
        var text = ""
        listing.writeJSON { text += $0 }
        return make(text: text + "\n", status: .ok, headers: headers)
    }

    static func make(text: String, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
