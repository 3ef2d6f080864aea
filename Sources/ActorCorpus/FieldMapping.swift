import ActorText

/// Which fields of a record (JSON object or CSV row) hold what. `nil` means "try the usual names".
public struct FieldMapping: Sendable, Equatable {
    public var text: String?
    public var title: String?
    public var date: String?
    public var source: String?
    public var id: String?

    public init(text: String? = nil, title: String? = nil, date: String? = nil, source: String? = nil, id: String? = nil) {
        self.text = text
        self.title = title
        self.date = date
        self.source = source
        self.id = id
    }

    static let textNames = ["content", "text", "body", "article", "full_text", "fulltext"]
    static let titleNames = ["title", "headline"]
    static let dateNames = ["date", "published", "publication_date", "published_at", "date_published", "pubdate", "date_extracted"]
    static let sourceNames = ["source", "outlet", "newspaper", "site", "publisher"]
    static let idNames = ["id", "url", "link", "guid"]

    /// The value of the first present field: the mapped one, or else one of the usual names.
    static func pick(_ record: (String) -> UTF8Text?, mapped: String?, usual: [String]) -> UTF8Text? {
        if let mapped { return record(mapped) }
        for name in usual { if let v = record(name), !v.isEmpty { return v } }
        return nil
    }
}
