internal import CGraphviz
import Synchronization

/// The layout engines actorgraph offers (all are Graphviz built-ins).
public enum LayoutEngine: String, CaseIterable, Sendable, CustomStringConvertible {
    case dot, neato, fdp, sfdp, circo, twopi
    public var description: String { rawValue }
}

/// The output formats rendered by Graphviz itself.
public enum GraphvizFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Scalable vector graphics (XML).
    case svg
    /// DOT with the layout's positions (`pos`, `bb`, …), like `dot -Tdot`.
    case dot
    /// Plain DOT as Graphviz reads it, without layout, like `dot -Tcanon`.
    case canon
    /// Raster image (cairo).
    case png
    /// Portable document (cairo).
    case pdf
    /// Graphviz's line-oriented "plain" text (positions in inches), used to read a layout back.
    case plain
    public var description: String { rawValue }

    /// Whether the output is text (UTF-8) rather than binary.
    public var isText: Bool { self == .svg || self == .dot || self == .canon || self == .plain }
}

/// An error reported by Graphviz, carrying Graphviz's own words.
public struct GraphvizError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Stage: String, Sendable { case parse, layout, render, engine, format }
    public var stage: Stage
    /// The message as Graphviz wrote it (several pieces joined), or ours for engine/format checks.
    public var message: String

    public var description: String {
        switch stage {
        case .engine, .format: return message
        default: return "Graphviz \(stage.rawValue) error: \(message)"
        }
    }
}

/// Messages Graphviz reports through `agseterrf` during one call. Only touched while holding
/// ``Graphviz``'s lock, which is what makes the `nonisolated(unsafe)` sound.
nonisolated(unsafe) private var capturedMessages: [UInt8] = []

private let captureMessage: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
    guard let text else { return 0 }
    let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
    var i = 0
    while bytes[i] != 0 {
        capturedMessages.append(bytes[i])
        i += 1
    }
    return 0
}

/// The one owner of Graphviz in the process.
///
/// Graphviz keeps global state (its error handler and error count, the parser's buffers, plugin tables), so
/// **every** call into libgvc/libcgraph goes through this type, and every call happens while holding one
/// process-wide `Mutex`: concurrent renders from several tasks are safe and simply run one after another.
/// Each render owns its pointers for exactly the duration of the call: the graph (`agmemread` … `agclose`),
/// the layout (`gvLayout` … `gvFreeLayout`) and the rendered bytes (`gvRenderData` … `gvFreeRenderData`)
/// are freed on every path, errors included. The `GVC_t` context is created once, on first use, and lives
/// as long as the process (Graphviz's plugins are loaded once); ``shutdown()`` frees it.
///
/// Graphviz's messages are captured with `agseterrf` (errors reset before each call) and returned as
/// ``GraphvizError`` carrying their text; nothing is printed to stderr and nothing aborts the process.
public final class Graphviz: Sendable {
    /// The process-wide instance.
    public static let shared = Graphviz()

    private struct State: ~Copyable {
        var context: OpaquePointer?
        var layouts: [String] = []
        var formats: [String] = []
    }

    private let state = Mutex(State())

    private init() {}

    /// Lays out `dot` with `engine` and renders it to `format`.
    /// - Returns: the rendered bytes (UTF-8 for text formats).
    /// - Throws: ``GraphvizError`` with Graphviz's message when the DOT does not parse, the layout fails or
    ///   the renderer fails.
    /// - Complexity: that of the layout engine; `dot` is superlinear and unsuited to large dense graphs.
    public func render(dot: String, engine: LayoutEngine, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        try render(dot: dot, engineName: engine.rawValue, formatName: format.rawValue)
    }

    /// Renders DOT whose nodes all carry pinned positions (`pos="x,y!"`): Graphviz's `nop` engine keeps
    /// them and only routes the edges, so several diagrams share one layout.
    public func renderPinned(dot: String, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        let result: Result<[UInt8], GraphvizError> = state.withLock { state in
            let gvc = Self.context(&state)
            return Self.renderLocked(gvc: gvc, dot: dot, engine: "nop", format: format.rawValue)
        }
        return try result.get()
    }

    /// As ``render(dot:engine:format:)`` with names as strings; unknown names are an error listing the
    /// valid ones.
    public func render(dot: String, engineName: String, formatName: String) throws(GraphvizError) -> [UInt8] {
        let result: Result<[UInt8], GraphvizError> = state.withLock { state in
            let gvc = Self.context(&state)
            guard LayoutEngine(rawValue: engineName) != nil, state.layouts.contains(engineName) else {
                let valid = LayoutEngine.allCases.map(\.rawValue).filter { state.layouts.contains($0) }
                return .failure(GraphvizError(
                    stage: .engine,
                    message: "unknown layout engine \"\(engineName)\"; use one of: \(valid.joined(separator: ", "))"))
            }
            guard GraphvizFormat(rawValue: formatName) != nil, state.formats.contains(formatName) else {
                let valid = GraphvizFormat.allCases.map(\.rawValue).filter { state.formats.contains($0) }
                return .failure(GraphvizError(
                    stage: .format,
                    message: "unknown output format \"\(formatName)\"; use one of: \(valid.joined(separator: ", "))"))
            }
            return Self.renderLocked(gvc: gvc, dot: dot, engine: engineName, format: formatName)
        }
        return try result.get()
    }

    /// The layout engines and formats this Graphviz build offers (intersected with ours).
    public var available: (engines: [LayoutEngine], formats: [GraphvizFormat]) {
        state.withLock { state in
            _ = Self.context(&state)
            return (
                LayoutEngine.allCases.filter { state.layouts.contains($0.rawValue) },
                GraphvizFormat.allCases.filter { state.formats.contains($0.rawValue) })
        }
    }

    /// Frees the Graphviz context; the next render creates a new one.
    public func shutdown() {
        state.withLock { state in
            if let gvc = state.context {
                gvFreeContext(gvc)
                state.context = nil
            }
        }
    }

    // MARK: - Under the lock

    private static func context(_ state: inout State) -> OpaquePointer? {
        if let gvc = state.context { return gvc }
        // Newer cairo stamps PDFs with SOURCE_DATE_EPOCH when set (Debian 12's 1.16 ignores it; see
        // GraphRenderer.fixPDFDate), so the same input gives the same bytes.
        setenv("SOURCE_DATE_EPOCH", "0", 0)
        let gvc = gvContext()
        state.context = gvc
        state.layouts = pluginNames(gvc, kind: "layout")
        state.formats = pluginNames(gvc, kind: "render") + pluginNames(gvc, kind: "device")
        return gvc
    }

    /// Names of the plugins of one kind, without their `:package` suffixes.
    private static func pluginNames(_ gvc: OpaquePointer?, kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        var names: [String] = []
        for i in 0..<Int(count) {
            if let p = list[i] {
                names.append(String(cString: p))
                free(p)
            }
        }
        free(list)
        return names
    }

    private static func beginCall() {
        capturedMessages.removeAll(keepingCapacity: true)
        _ = agseterrf(captureMessage)
        _ = agseterr(AGWARN)
        _ = agreseterrors()
    }

    private static func takeMessages(fallback: String) -> String {
        let text = String(decoding: capturedMessages, as: UTF8.self)
        capturedMessages.removeAll(keepingCapacity: true)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        return lines.isEmpty ? fallback : lines.joined(separator: " ")
    }

    private static func renderLocked(
        gvc: OpaquePointer?, dot: String, engine: String, format: String
    ) -> Result<[UInt8], GraphvizError> {
        beginCall()
        guard let graph = dot.withCString({ agmemread($0) }) else {
            return .failure(GraphvizError(stage: .parse, message: takeMessages(fallback: "the DOT text could not be read")))
        }
        defer { agclose(graph) }
        if agerrors() > 0 {
            // agmemread can return a partial graph after a syntax error.
            return .failure(GraphvizError(stage: .parse, message: takeMessages(fallback: "the DOT text has errors")))
        }
        guard gvLayout(gvc, graph, engine) == 0 else {
            return .failure(GraphvizError(stage: .layout, message: takeMessages(fallback: "layout with \(engine) failed")))
        }
        defer { gvFreeLayout(gvc, graph) }
        var data: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        let status = gvRenderData(gvc, graph, format, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        guard status == 0, let data else {
            return .failure(GraphvizError(stage: .render, message: takeMessages(fallback: "rendering to \(format) failed")))
        }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: Int(length)))
        capturedMessages.removeAll(keepingCapacity: true)
        return .success(bytes)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
