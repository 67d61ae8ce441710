@testable import DuikouServer
import DuikouKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The OpenAPI document describes exactly the routes the router has.
@Suite struct OpenAPIDocumentTests {
    @Test func theDocumentListsEveryRouteAndNoOther() async throws {
        let fixture = try APIFixture()
        let routes = JSONAPI(repository: fixture.repository, configuration: WorkspaceConfiguration(), cache: ReadCache()).routes
        let registered = Set(routes.map { "\($0.method.rawValue.lowercased()) \(JSONAPI.prefix)\($0.path)" } + ["get \(HealthRoute.path)"]
                             + ["post", "get", "delete"].map { "\($0) \(JSONAPI.prefix)/session" })
        try await fixture.test { client in
            let result = try await client.send(.get, "/api/v1/openapi.json", as: .nobody)
            #expect(result.status == .ok)
            let document = try result.object()
            #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, operations) in paths {
                for (method, operation) in operations {
                    documented.insert("\(method) \(path)")
                    let responses = try #require((operation as? [String: Any])?["responses"] as? [String: Any], "\(method) \(path)")
                    #expect(!responses.isEmpty)
                    // Every path parameter of the route is declared.
                    let declared = Set(((operation as? [String: Any])?["parameters"] as? [[String: Any]] ?? [])
                        .filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
                    let inPath = Set(path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
                    #expect(declared == inPath, "\(method) \(path)")
                }
            }
            #expect(documented == registered)
            let components = try #require(document["components"] as? [String: Any])
            let schemas = try #require(components["schemas"] as? [String: Any])
            #expect(schemas["Error"] != nil && schemas["Project"] != nil && schemas["ProgressReport"] != nil)
        }
    }

    @Test func everyReferenceInTheDocumentResolves() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
        var references: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let reference = object["$ref"] as? String { references.append(reference) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(document)
        #expect(!references.isEmpty)
        for reference in references {
            var node: Any? = document
            for part in reference.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
            #expect(node != nil, "\(reference)")
        }
    }
}
