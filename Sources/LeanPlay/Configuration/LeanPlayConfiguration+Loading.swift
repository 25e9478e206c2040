public import Foundation
import TOMLKit

extension LeanPlayConfiguration {
    /// The file name looked for in the working directory when no `--config` is given.
    public static let defaultFileName = "leanplay.toml"

    /// Reads a configuration from a TOML file.
    ///
    /// Relative paths in the file (`[lean] project`, `[cache] directory`, `[prompts] directory`, a file `[ledger] url`) are resolved
    /// against the file's folder, so the same file works from any working directory; `~/` paths are kept
    /// and expanded when used.
    ///
    /// - Throws: ``LeanPlayError`` with code `.configuration` naming the file (and the line, for syntax
    ///   errors) when the file cannot be read, is not valid TOML, has a value of the wrong type, or has a key
    ///   LeanPlay does not know.
    public static func load(from url: URL) throws(LeanPlayError) -> LeanPlayConfiguration {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw LeanPlayError(.configuration, "\(url.path): no such file", fix: "check the path given to --config")
        }
        guard !isDirectory.boolValue else {
            throw LeanPlayError(.configuration, "\(url.path) is a folder", fix: "give --config the leanplay.toml file itself")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LeanPlayError(
                .configuration, "cannot read \(url.path) (\(error.localizedDescription))", fix: "check the file's permissions")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw LeanPlayError(.configuration, "\(url.path) is not UTF-8 text", fix: "save the file as UTF-8")
        }
        return try parse(text, origin: url.path, relativeTo: url.deletingLastPathComponent())
    }

    /// Parses configuration text; `origin` names it in errors.
    ///
    /// - Parameters:
    ///   - text: the contents of a `leanplay.toml`.
    ///   - origin: names the text in errors (a file path, usually).
    ///   - folder: relative paths in the text are resolved against it (nil: left as written, so they are
    ///     resolved against the working directory when used).
    /// - Throws: ``LeanPlayError`` with code `.configuration` naming `origin`, the key and the expected type.
    public static func parse(
        _ text: String, origin: String, relativeTo folder: URL? = nil
    ) throws(LeanPlayError) -> LeanPlayConfiguration {
        do {
            let table = try TOMLTable(string: text)
            var decoder = TOMLDecoder()
            decoder.strictDecoding = true
            var configuration = try decoder.decode(LeanPlayConfiguration.self, from: table)
            if let folder { configuration.resolvePaths(givenIn: table, against: folder) }
            return configuration
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

    /// Makes the relative paths written in the file absolute against the file's folder.
    private mutating func resolvePaths(givenIn table: TOMLTable, against folder: URL) {
        func given(_ section: String, _ key: String) -> Bool {
            table[section]?.table?.contains(key: key) ?? false
        }
        func resolved(_ path: String) -> String {
            guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~") else { return path }
            return folder.appendingPathComponent(path).standardizedFileURL.path
        }
        if given("lean", "project"), let project = lean.project { lean.project = resolved(project) }
        if given("cache", "directory") { cache.directory = resolved(cache.directory) }
        if given("prompts", "directory"), let directory = prompts.directory { prompts.directory = resolved(directory) }
        if given("ledger", "url"), let url = ledger.url, case .file = LedgerLocation.parse(url) { ledger.url = resolved(url) }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            if type == Any.self { return "key \(path(context)): \(context.debugDescription)" }
            if type == TOMLTable.self { return "key \(path(context)): expected a table (a [section]), \(context.debugDescription)" }
            return "key \(path(context)) should be \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "key \(path(context)) is missing a \(type) value"
        case .keyNotFound(let key, let context) where context.codingPath.last?.stringValue == key.stringValue:
            // TOMLKit reports a value of the wrong type as a key not found at the key's own path.
            let wanted = context.debugDescription.split(separator: "\"").dropFirst().first.map(String.init) ?? ""
            let expected = ["Int": "a whole number", "Double": "a number", "String": "a string in quotes", "Bool": "true or false"]
            return "key \(path(context)): expected \(expected[wanted] ?? "a value of another type"), found a value of another type"
        case .keyNotFound(let key, let context):
            return "missing key \(([path(context)] + [key.stringValue]).filter { !$0.isEmpty }.joined(separator: "."))"
        case .dataCorrupted(let context):
            return "invalid value at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
