import ActorCorpus
import ActorExtraction
import ActorKnowledge
import ActorText
import Foundation

/// The bodies of the libFuzzer targets, shared by the fuzzers (`Fuzz/Package.swift`, built with
/// `-sanitize=fuzzer`) and by the regression test that replays `Fuzz/corpus` and `Fuzz/crashes` in the
/// normal test suite. Each body takes arbitrary bytes, drives one public API with them, and checks the
/// invariants that API documents with `precondition`, so that a broken invariant is a crash the fuzzer
/// keeps. Malformed input that the API reports as an error (``InputError``, ``KnowledgeError``) is fine.
public enum FuzzTarget: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Tokenisation (sentences, clauses, paragraphs) and the recogniser over the bundled knowledge base.
    case text
    /// `CorpusReader` on a `.json` file.
    case json
    /// `CorpusReader` on a `.jsonl` file.
    case jsonl
    /// `CorpusReader` on a `.csv` file.
    case csv
    /// A knowledge-base TSV file loaded as a `--lexicon` overlay over the bundled knowledge base.
    case lexicon
    /// `manifest.csv`.
    case manifest
    /// `CorpusReader` on a `.zip` archive (central directory, ZIP64 fields, libdeflate, CRC-32).
    case zip

    public var description: String { rawValue }

    /// Runs the body of this target on `data`.
    @discardableResult
    public func run(_ data: Data) -> FuzzOutcome {
        switch self {
        case .text: return FuzzEntries.text(data)
        case .json:
            precondition(CorpusReader.jsonReadersAgree(data), "the fast JSON reader and JSONDecoder read a file differently")
            return FuzzEntries.corpus(data, fileExtension: "json")
        case .jsonl: return FuzzEntries.corpus(data, fileExtension: "jsonl")
        case .csv: return FuzzEntries.corpus(data, fileExtension: "csv")
        case .lexicon: return FuzzEntries.lexicon(data)
        case .manifest: return FuzzEntries.manifest(data)
        case .zip: return FuzzEntries.corpus(data, fileExtension: "zip")
        }
    }

    /// Runs the body of this target on raw bytes, as `LLVMFuzzerTestOneInput` receives them.
    @discardableResult
    public func run(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> FuzzOutcome {
        guard let bytes, count > 0 else { return run(Data()) }
        return run(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes), count: count, deallocator: .none))
    }
}

/// What a fuzz body made of its input (for the regression test; the fuzzers ignore it).
public enum FuzzOutcome: Sendable, Equatable {
    /// The input was read; `items` tokens, documents or entries came out of it.
    case accepted(items: Int)
    /// The input was refused with an error message, as the API documents for malformed input.
    case rejected(String)
}

enum FuzzEntries {
    // MARK: Text

    /// The recogniser over the bundled knowledge base, compiled once per process.
    static let recognizer: Recognizer = {
        do { return Recognizer(knowledge: try KnowledgeBase.bundled()) } catch {
            fatalError("fuzz: cannot load the bundled knowledge base: \(error)")
        }
    }()

    /// Document dates the recogniser is run with (officeholders depend on them); picked by the input's size.
    static let dates: [String?] = [nil, "2016-12-03", "2024-11-30"]

    static func text(_ data: Data) -> FuzzOutcome {
        let string = String(decoding: data, as: UTF8.self)
        let tokenized = TokenizedText(string)
        checkTokenization(tokenized)
        let analysis = recognizer.analyze(tokenized, date: dates[data.count % dates.count])
        checkAnalysis(analysis)
        _ = recognizer.explain(tokenized)
        _ = NormalizedForm.string(String(string.prefix(256)))
        return .accepted(items: tokenized.tokens.count)
    }

    /// The invariants `TokenizedText` documents: tokens in text order without overlap, each token in exactly
    /// one sentence, clause and paragraph, sentences inside paragraphs and clauses inside sentences.
    static func checkTokenization(_ t: TokenizedText) {
        let utf8Count = t.text.utf8.count
        let scalarCount = t.text.unicodeScalars.count
        var previous: Token? = nil
        for (i, token) in t.tokens.enumerated() {
            precondition(token.start < token.end && Int(token.end) <= scalarCount, "token \(i): scalar range out of bounds")
            precondition(token.utf8Start < token.utf8End && Int(token.utf8End) <= utf8Count, "token \(i): UTF-8 range out of bounds")
            precondition(token.codeStart <= token.codeEnd && Int(token.codeEnd) <= t.codes.count, "token \(i): codes out of bounds")
            if let p = previous {
                precondition(p.end <= token.start && p.utf8End <= token.utf8Start, "token \(i) overlaps the one before")
                precondition(p.codeEnd == token.codeStart, "token \(i): codes not back to back")
            }
            _ = t.original(tokens: i..<(i + 1))
            _ = t.normalized(i)
            previous = token
        }
        precondition(t.sentenceOfToken.count == t.tokens.count, "sentenceOfToken has \(t.sentenceOfToken.count) entries for \(t.tokens.count) tokens")
        let clauses = t.clauses
        for (name, segments) in [("sentence", t.sentences), ("clause", clauses), ("paragraph", t.paragraphs)] {
            checkPartition(segments, of: t, name: name)
        }
        for (s, sentence) in t.sentences.enumerated() {
            for k in sentence.tokens { precondition(t.sentenceOfToken[k] == Int32(s), "token \(k): sentenceOfToken is not its sentence \(s)") }
            precondition(t.paragraphs.contains { $0.tokens.contains(sentence.tokens.lowerBound) && $0.tokens.upperBound >= sentence.tokens.upperBound },
                         "sentence \(s) crosses a paragraph")
        }
        for (c, clause) in clauses.enumerated() {
            let s = Int(t.sentenceOfToken[clause.tokens.lowerBound])
            precondition(t.sentences[s].tokens.upperBound >= clause.tokens.upperBound, "clause \(c) crosses a sentence")
        }
        if let first = t.tokens.indices.first { _ = t.contrastStarts(in: first..<t.tokens.count, newSubjectOnly: true) }
    }

    /// Non-empty segments, back to back, covering every token once, with offsets inside the text.
    static func checkPartition(_ segments: [Segment], of t: TokenizedText, name: String) {
        var next = 0
        for (i, segment) in segments.enumerated() {
            precondition(segment.tokens.lowerBound == next && !segment.tokens.isEmpty, "\(name) \(i): tokens \(segment.tokens) do not follow \(next)")
            precondition(segment.utf8Start <= segment.utf8End && segment.utf8End <= t.text.utf8.count, "\(name) \(i): UTF-8 range out of bounds")
            precondition(segment.start <= segment.end, "\(name) \(i): scalar range reversed")
            _ = t.original(segment)
            next = segment.tokens.upperBound
        }
        precondition(next == t.tokens.count, "\(name)s cover \(next) of \(t.tokens.count) tokens")
    }

    /// Mentions in text order with ranges inside the document; triggers inside the document with scores
    /// in −10…10.
    static func checkAnalysis(_ a: DocumentAnalysis) {
        let t = a.text
        let utf8Count = t.text.utf8.count
        var lastStart = 0
        for (i, m) in a.mentions.enumerated() {
            precondition(!m.tokens.isEmpty && m.tokens.upperBound <= t.tokens.count, "mention \(i) (\(m.actor)): tokens \(m.tokens) out of bounds")
            precondition(m.tokens.lowerBound >= lastStart, "mention \(i) (\(m.actor)) is out of text order")
            precondition(0 <= m.utf8Start && m.utf8Start <= m.utf8End && m.utf8End <= utf8Count, "mention \(i) (\(m.actor)): UTF-8 range out of bounds")
            precondition(0 <= m.start && m.start <= m.end, "mention \(i) (\(m.actor)): scalar range reversed")
            precondition(m.sentence >= 0 && m.sentence < t.sentences.count, "mention \(i) (\(m.actor)): sentence \(m.sentence) out of bounds")
            precondition(!m.actor.isEmpty, "mention \(i): empty actor id")
            _ = t.original(utf8: m.utf8Start..<m.utf8End)
            _ = recognizer.describe(m.actor, date: nil)
            lastStart = m.tokens.lowerBound
        }
        for (i, hit) in a.triggers.enumerated() {
            precondition(!hit.tokens.isEmpty && hit.tokens.upperBound <= t.tokens.count, "trigger \(i): tokens \(hit.tokens) out of bounds")
            precondition(hit.sentence >= 0 && hit.sentence < t.sentences.count, "trigger \(i): sentence out of bounds")
            precondition((-10...10).contains(hit.score), "trigger \(i): score \(hit.score) outside -10…10")
        }
    }

    // MARK: Corpus readers

    /// A directory for the files the readers need, one per process (under `TMPDIR`), removed at exit.
    static let scratch: URL = {
        let url = scratchPath
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            fatalError("fuzz: cannot create \(url.path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(at: FuzzEntries.scratchPath) }
        return url
    }()

    private static let scratchPath = FileManager.default.temporaryDirectory
        .appendingPathComponent("actorgraph-fuzz-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)

    /// Writes `data` to a fresh file in ``scratch`` (unique, so that parallel tests do not share one),
    /// passes its URL to `body`, and removes it.
    static func withTemporaryFile<T>(_ data: Data, fileExtension: String, _ body: (URL) -> T) -> T {
        let url = scratch.appendingPathComponent("\(UUID().uuidString).\(fileExtension)")
        do { try data.write(to: url) } catch { fatalError("fuzz: cannot write \(url.path): \(error)") }
        defer { try? FileManager.default.removeItem(at: url) }
        return body(url)
    }

    /// `CorpusReader.read` on a file of the given format, with and without `keepGoing`. Checks that reading
    /// throws only ``InputError``, that documents have text, that the report counts what was emitted, and
    /// that a strict read either stops with an error where a lenient one skipped a bad record, or reads the
    /// same documents.
    static func corpus(_ data: Data, fileExtension: String) -> FuzzOutcome {
        withTemporaryFile(data, fileExtension: fileExtension) { url in
            let lenient = read(url.path, keepGoing: true)
            let strict = read(url.path, keepGoing: false)
            switch (lenient, strict) {
            case (.success(let l), .success(let s)):
                precondition((l.report.skipped["bad record"] ?? 0) == 0, "a strict read accepted what a lenient one skipped as a bad record")
                precondition(l.documents == s.documents, "strict and lenient reads of a good file differ")
                return .accepted(items: l.documents.count)
            case (.success(let l), .failure(let error)):
                precondition((l.report.skipped["bad record"] ?? 0) > 0, "a strict read failed (\(error)) where a lenient one skipped no bad record")
                return .rejected(error.description)
            case (.failure(let error), .failure):
                return .rejected(error.description)
            case (.failure(let error), .success):
                preconditionFailure("a lenient read failed (\(error)) where a strict one succeeded")
            }
        }
    }

    struct Read {
        var documents: [Document]
        var report: CorpusReader.Report
    }

    static func read(_ path: String, keepGoing: Bool) -> Result<Read, InputError> {
        let reader = CorpusReader(keepGoing: keepGoing)
        var report = CorpusReader.Report()
        var documents: [Document] = []
        do {
            try reader.read([path], report: &report) { documents += $0 }
        } catch let error as InputError {
            return .failure(error)
        } catch {
            preconditionFailure("CorpusReader threw \(type(of: error)), not InputError: \(error)")
        }
        precondition(report.documents == documents.count, "the report counts \(report.documents) documents, \(documents.count) were emitted")
        for d in documents {
            precondition(!d.text.trimmedWhitespace.isEmpty, "\(d.origin): a document without text")
            if let date = d.date { precondition(DateParsing.isoDay(date) == date, "\(d.origin): date \(date) is not YYYY-MM-DD") }
        }
        return .success(Read(documents: documents, report: report))
    }

    // MARK: Knowledge base

    /// The bundled knowledge base, loaded once per process; overlays are loaded onto copies of it.
    static let bundled: KnowledgeBase = {
        do { return try KnowledgeBase.bundled() } catch { fatalError("fuzz: cannot load the bundled knowledge base: \(error)") }
    }()

    /// A TSV file loaded as `--lexicon FILE` does (from a file, over the bundled knowledge base), then
    /// validated. What loads is also compiled on its own and run over the file's text, which names the
    /// entries it defines. (Compiling the whole bundled knowledge base again would make each run 100×
    /// slower.)
    static func lexicon(_ data: Data) -> FuzzOutcome {
        withTemporaryFile(data, fileExtension: "tsv") { url in
            var merged = bundled
            do throws(KnowledgeError) {
                try merged.load(contentsOf: url, displayName: "overlay.tsv")
            } catch {
                precondition(error.file == "overlay.tsv", "a KnowledgeError names \(error.file), not the overlay")
                return .rejected(error.description)
            }
            _ = merged.validate()
            var alone = KnowledgeBase()
            do { try alone.load(contentsOf: url, displayName: "overlay.tsv") } catch {
                preconditionFailure("the overlay loaded over the bundled knowledge base but not alone: \(error)")
            }
            _ = alone.validate()
            let recognizer = Recognizer(knowledge: alone)
            let tokenized = TokenizedText(String(decoding: data, as: UTF8.self))
            checkAnalysis(recognizer.analyze(tokenized, date: dates[data.count % dates.count]))
            let entries = alone.states.count + alone.officials.count + alone.organizations.count + alone.media.count
                + alone.titles.count + alone.triggers.count + alone.cues.values.map(\.count).reduce(0, +) + alone.givenNames.count
            return .accepted(items: entries)
        }
    }

    // MARK: Manifest

    /// `manifest.csv` text (invalid UTF-8 replaced, as the parser only ever sees a `String`): each entry is
    /// keyed by its non-empty file name and carries a `YYYY-MM-DD` date or none.
    static func manifest(_ data: Data) -> FuzzOutcome {
        let manifest: Manifest
        do throws(InputError) {
            manifest = try Manifest(text: String(decoding: data, as: UTF8.self), path: "manifest.csv")
        } catch {
            precondition(error.location.hasPrefix("manifest.csv:"), "a manifest error without a line: \(error)")
            return .rejected(error.description)
        }
        for (file, entry) in manifest.entries {
            precondition(!file.isEmpty && entry.file == file, "entry \(entry) is keyed by \"\(file)\"")
            if let date = entry.date { precondition(DateParsing.isoDay(date) == date, "\(file): date \(date) is not YYYY-MM-DD") }
            precondition(manifest[file] == entry)
        }
        return .accepted(items: manifest.entries.count)
    }
}
