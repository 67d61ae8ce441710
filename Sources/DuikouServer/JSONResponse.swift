import DuikouKit
import Hummingbird

/// Responses whose body is JSON text made by the library's encoder, byte for byte what the `duikou`
/// CLI prints for the same value (indented, with a final line break).
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    /// `value` as the CLI prints it.
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        make(body: body(value), status: status, headers: headers)
    }

    /// The text of `value` as the CLI prints it, ready to be sent (and kept, by the ``ReadCache``).
    static func body(_ value: JSONValue) -> ByteBuffer {
        ByteBuffer(string: value.text(pretty: true) + "\n")
    }

    /// A listing as the CLI prints it with `--format json`.
    static func make(_ listing: Listing, headers: HTTPFields = [:]) -> Response {
        var text = ""
        listing.writeJSON { text += $0 }
        return make(text: text + "\n", status: .ok, headers: headers)
    }

    static func make(text: String, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        make(body: ByteBuffer(string: text), status: status, headers: headers)
    }

    /// A response whose body is JSON text already made.
    static func make(body: ByteBuffer, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
