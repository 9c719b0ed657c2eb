/// A query refused before it runs: an argument out of range or a search expression that cannot
/// be searched for. The message says what is wrong and names the option.
public struct QueryError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}
