import Foundation

extension RelationGraph {
    /// The graph as JSON in the documented, versioned format: sorted keys, nodes by id, edges by key, so
    /// equal graphs give identical bytes. Ends with a newline.
    /// Written by ``GraphJSONWriter`` (the same bytes as `JSONEncoder`, faster); by `JSONEncoder` when a
    /// number is not finite, which it refuses with its own error.
    public func jsonData() throws -> Data {
        Data(try jsonBytes())
    }

    /// ``jsonData()`` as bytes, without the copy into `Data` (a corpus graph's JSON is tens of megabytes).
    public func jsonBytes() throws -> [UInt8] {
        Array(try jsonPieces().joined())
    }

    /// ``jsonData()`` in pieces to be written one after the other: the parts the edges were encoded in, in
    /// parallel, without joining them (written to a file as they are; joining copied the whole document).
    public func jsonPieces() throws -> [[UInt8]] {
        guard GraphJSONWriter.canWrite(self) else { return [Array(try encoderJSONData())] }
        var writer = GraphJSONWriter()
        writer.write(self)
        var pieces = writer.finishedPieces()
        pieces[pieces.count - 1].append(0x0A)
        return pieces
    }

    /// ``jsonData()`` as `JSONEncoder` writes it.
    func encoderJSONData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a graph written by ``jsonData()``.
    /// - Throws: `GraphFormatError` with the problem in words.
    public init(jsonData data: Data, source: String = "graph") throws {
        do {
            self = try JSONDecoder().decode(RelationGraph.self, from: data)
        } catch let DecodingError.dataCorrupted(ctx) {
            throw GraphFormatError(source: source, message: Self.describe(ctx))
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw GraphFormatError(source: source, message: "missing key \"\(key.stringValue)\" at \(Self.path(ctx))")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw GraphFormatError(source: source, message: "wrong type at \(Self.path(ctx)): \(ctx.debugDescription)")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw GraphFormatError(source: source, message: "missing value at \(Self.path(ctx))")
        }
        let problems = validate()
        if let first = problems.first {
            throw GraphFormatError(source: source, message: "inconsistent graph: \(first)")
        }
    }

    private static func path(_ ctx: DecodingError.Context) -> String {
        let p = ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return p.isEmpty ? "top level" : p
    }

    private static func describe(_ ctx: DecodingError.Context) -> String {
        if let underlying = ctx.underlyingError as NSError? {
            return "not valid JSON (\(underlying.localizedDescription))"
        }
        return ctx.debugDescription
    }
}

/// A saved graph could not be read.
public struct GraphFormatError: Error, CustomStringConvertible, Sendable {
    public var source: String
    public var message: String
    public var description: String {
        "\(source): \(message). Expected a graph written by `actorgraph build --format json`."
    }
}
