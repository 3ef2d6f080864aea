import ActorCorpus
import ActorExtraction
import ActorPipeline
import ArgumentParser
import Foundation

struct MentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentions",
        abstract: "List every actor mention with its offsets, as JSON Lines or TSV.",
        discussion: """
            Offsets are in Unicode scalars of the original text, end exclusive; `text` is the surface as written.

            Examples:
              actorgraph mentions article.txt --date 2024-11-30
              actorgraph mentions seeds --format tsv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, tsv }

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .long], help: "jsonl or tsv.")
    var format: Format = .jsonl

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file; standard output when absent.", valueName: "file"))
    var output: String?

    @Flag(help: "Also print every lexicon match and what it could name, to standard error (for lexicon authors).")
    var explain = false

    func run() throws {
        let kb = try input.knowledge()
        let docs = try input.documents()
        let builder = GraphBuilder(recognizer: Recognizer(knowledge: kb), options: BuildOptions())
        var out = ""
        if format == .tsv { out += "document\tsentence\tstart\tend\ttext\tid\ttype\tcountry\tmethod\n" }
        for doc in docs {
            let (tokens, mentions) = builder.mentions(in: doc)
            if explain {
                for (text, targets) in builder.recognizer.explain(tokens) {
                    FileHandle.standardError.write(Data("\(doc.id)\t\(text)\t\(targets.joined(separator: " "))\n".utf8))
                }
            }
            for m in mentions {
                switch format {
                case .jsonl:
                    out += MentionRecord(document: doc.id, m).json + "\n"
                case .tsv:
                    let clean = m.text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
                    out += "\(doc.id)\t\(m.sentence)\t\(m.start)\t\(m.end)\t\(clean)\t\(m.actor)\t\(m.kind.rawValue)\t\(m.country ?? "")\t\(m.method.rawValue)\n"
                }
            }
        }
        try emit(Data(out.utf8), to: output)
    }
}

/// One line of `mentions --format jsonl`.
struct MentionRecord: Encodable {
    var document: String
    var sentence: Int
    var start: Int
    var end: Int
    var text: String
    var id: String
    var type: String
    var country: String?
    var method: String
    var role: String?

    init(document: String, _ m: Mention) {
        self.document = document
        sentence = m.sentence
        start = m.start
        end = m.end
        text = m.text
        id = m.actor
        type = m.kind.rawValue
        country = m.country
        method = m.method.rawValue
        role = m.role
    }

    enum CodingKeys: String, CodingKey { case document, sentence, start, end, text, id, type, country, method, role }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(text, forKey: .text)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(country, forKey: .country)
        try c.encode(method, forKey: .method)
        try c.encodeIfPresent(role, forKey: .role)
    }

    var json: String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(self)) ?? Data(), as: UTF8.self)
    }
}
