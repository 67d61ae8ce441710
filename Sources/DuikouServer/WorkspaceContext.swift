public import Hummingbird
public import DuikouKit

/// The request context of the web workspace: Hummingbird's core context, and who is asking.
public struct WorkspaceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, set by the authentication middleware; `nil` for an anonymous request.
    public var account: Account?
    /// Whether the user was recognised by a session cookie (and so unsafe requests need a CSRF
    /// token) rather than by a bearer token.
    public var bySession: Bool
    /// The session's CSRF token when the user was recognised by a session cookie, for the pages to
    /// put in their forms' hidden `csrf_token` field; `nil` otherwise.
    public var csrfToken: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        account = nil
        bySession = false
        csrfToken = nil
    }
}
