import Hummingbird

/// The OpenAPI 3.1 document of the JSON API, `GET /api/v1/openapi.json`, embedded in the binary
/// from `openapi.json` beside this file.
enum OpenAPIDocument {
    static var bytes: [UInt8] { PackageResources.openapi_json }

    static func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = JSONResponse.contentType
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
