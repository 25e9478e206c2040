public import Foundation
import TOMLKit

extension LeanPlayConfiguration {
    /// The file name looked for in the working directory when no `--config` is given.
    public static let defaultFileName = "leanplay.toml"

    /// Reads a configuration from a TOML file.
    ///
    /// - Throws: ``LeanPlayError`` with code `.configuration` naming the file (and the line, for syntax
    ///   errors) when the file cannot be read, is not valid TOML, has a value of the wrong type, or has a key
    ///   LeanPlay does not know.
    public static func load(from url: URL) throws(LeanPlayError) -> LeanPlayConfiguration {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw LeanPlayError(
                .configuration, "cannot read \(url.path) as UTF-8 text (\(error.localizedDescription))",
                fix: "check the path given to --config")
        }
        return try parse(text, origin: url.path)
    }

    /// Parses configuration text; `origin` names it in errors.
    public static func parse(_ text: String, origin: String) throws(LeanPlayError) -> LeanPlayConfiguration {
        do {
            let table = try TOMLTable(string: text)
            var decoder = TOMLDecoder()
            decoder.strictDecoding = true
            return try decoder.decode(LeanPlayConfiguration.self, from: table)
        } catch let error as TOMLParseError {
            throw LeanPlayError(
                .configuration,
                "\(origin):\(error.source.begin.line):\(error.source.begin.column): invalid TOML (\(error.description))",
                fix: "correct the TOML syntax at that line")
        } catch let error as UnexpectedKeysError {
            let keys = error.keys.keys.sorted().joined(separator: ", ")
            throw LeanPlayError(
                .configuration, "\(origin): unknown key(s) \(keys)",
                fix: "remove or rename them; see the README's configuration reference")
        } catch let error as DecodingError {
            throw LeanPlayError(
                .configuration, "\(origin): \(Self.describe(error))", fix: "give the key a value of the expected type")
        } catch {
            throw LeanPlayError(.configuration, "\(origin): \(error)", fix: "check the file's contents")
        }
    }

    /// The configuration at `explicit`, else `./leanplay.toml` when present, else the defaults.
    public static func resolve(explicit: String?, workingDirectory: URL) throws(LeanPlayError) -> LeanPlayConfiguration {
        if let explicit {
            return try load(from: URL(fileURLWithPath: explicit, relativeTo: workingDirectory))
        }
        let candidate = workingDirectory.appendingPathComponent(defaultFileName)
        if FileManager.default.fileExists(atPath: candidate.path) {
            return try load(from: candidate)
        }
        return LeanPlayConfiguration()
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "key \(path(context)) should be \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "key \(path(context)) is missing a \(type) value"
        case .keyNotFound(let key, let context):
            return "missing key \(path(context)).\(key.stringValue)"
        case .dataCorrupted(let context):
            return "invalid value at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
