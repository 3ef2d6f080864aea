import ActorText

/// One article: its text and what is known about it.
public struct Document: Sendable, Hashable {
    /// Stable id: the file name for text files, the id field for records.
    public var id: String
    /// The text (with its headline, for records that have one), as UTF-8: the pipeline reads bytes.
    public var utf8: UTF8Text
    /// The text as a `String`.
    /// - Complexity: O(n): made from (or turned into) ``utf8`` on each access.
    public var text: String {
        get { utf8.string }
        set { utf8 = UTF8Text(newValue) }
    }
    /// Publication date `YYYY-MM-DD`, if known.
    public var date: String?
    public var source: String?
    public var title: String?
    public var url: String?
    /// Where it came from (`path`, `path:line`, `archive.zip/member.json#3`), for messages.
    public var origin: String

    public init(id: String, text: String, date: String? = nil, source: String? = nil, title: String? = nil,
                url: String? = nil, origin: String) {
        self.init(id: id, utf8: UTF8Text(text), date: date, source: source, title: title, url: url, origin: origin)
    }

    public init(id: String, utf8: UTF8Text, date: String? = nil, source: String? = nil, title: String? = nil,
                url: String? = nil, origin: String) {
        self.id = id
        self.utf8 = utf8
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
