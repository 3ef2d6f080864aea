/// One article: its text and what is known about it.
public struct Document: Sendable, Hashable {
    /// Stable id: the file name for text files, the id field for records.
    public var id: String
    public var text: String
    /// Publication date `YYYY-MM-DD`, if known.
    public var date: String?
    public var source: String?
    public var title: String?
    public var url: String?
    /// Where it came from (`path`, `path:line`, `archive.zip/member.json#3`), for messages.
    public var origin: String

    public init(id: String, text: String, date: String? = nil, source: String? = nil, title: String? = nil,
                url: String? = nil, origin: String) {
        self.id = id
        self.text = text
        self.date = date
        self.source = source
        self.title = title
        self.url = url
        self.origin = origin
    }
}

/// Input that cannot be read, with the place and what to do.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `path` or `path:line`.
    public var location: String
    public var message: String
    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }
    public var description: String { "\(location): \(message)" }
}
