import ActorCorpus
import ActorGraph
import ActorKnowledge
import ActorPipeline
import ActorRender
import ArgumentParser
import Foundation

@main
struct Actorgraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actorgraph",
        abstract: "Who deals with whom in Arabic news: actors, relations and diagrams.",
        discussion: """
            Reads Arabic news articles, finds the political actors in them (officials, states, organisations),
            relates those that occur together, and draws the graph with Graphviz.

            Exit codes: 0 success; 1 bad input (file, manifest, lexicon or graph); 2 usage error;
            3 Graphviz could not lay out or render; 4 an output file could not be written.
            """,
        version: actorgraphVersion,
        subcommands: [BuildCommand.self, RenderCommand.self, MentionsCommand.self, MergeCommand.self, DiffCommand.self, ReportCommand.self]
    )

    /// Runs the command and maps errors to the documented exit codes with one clear line on stderr.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            fail(error.description, code: 1)
        } catch let error as KnowledgeError {
            fail(error.description, code: 1)
        } catch let error as GraphFormatError {
            fail(error.description, code: 1)
        } catch let error as GraphvizError {
            fail(error.description, code: 3)
        } catch let error as AtomicFile.WriteError {
            fail(error.description, code: 4)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help, --version
            }
            if code == .validationFailure {
                var message = fullMessage(for: error)
                if !message.hasSuffix("\n") { message += "\n" }
                FileHandle.standardError.write(Data(message.utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("actorgraph: error: \(message)\n".utf8))
        Foundation.exit(code)
    }
}
