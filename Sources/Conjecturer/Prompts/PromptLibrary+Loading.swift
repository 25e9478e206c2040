public import Foundation
import Mustache

extension PromptLibrary {
    /// Makes every variable render verbatim: prompts carry Lean code, not HTML.
    static let textPragma = "{{% CONTENT_TYPE: TEXT }}"

    /// Loads every `*.mustache` file under `folder` (recursively); the id is the relative path without
    /// the extension.
    ///
    /// - Throws: `ConjecturerError` naming the file: `.promptsFolderMissing`, `.templateUnreadable`,
    ///   `.templateSyntax`, `.missingPartial`.
    public static func load(from folder: URL) throws(ConjecturerError) -> PromptLibrary {
        try load(from: [folder])
    }

    /// Loads several folders; a template in a later folder replaces one with the same id in an earlier
    /// folder (a user's folder after the project's `Prompts/`).
    ///
    /// - Throws: `ConjecturerError` naming the file: `.promptsFolderMissing`, `.templateUnreadable`,
    ///   `.templateSyntax`, `.missingPartial`.
    public static func load(from folders: [URL]) throws(ConjecturerError) -> PromptLibrary {
        var files: [String: URL] = [:]
        for folder in folders {
            for (id, url) in try templateFiles(in: folder) { files[id] = url }
        }
        var parsed: [String: (file: URL, parts: PromptFileParts, summary: MustacheTagSummary, sections: [(String, MustacheTemplate)])] = [:]
        var partials = MustacheLibrary()
        for (id, url) in files.sorted(by: { $0.key < $1.key }) {
            let text = try readTemplate(url)
            do {
                let parts = try PromptFileParser.parse(text)
                var summary = MustacheTagSummary()
                var sections: [(String, MustacheTemplate)] = []
                for section in parts.sections {
                    let sectionSummary = try MustacheTagScanner.scan(section.text)
                    summary.requiredVariables.formUnion(sectionSummary.requiredVariables)
                    summary.topLevelPartials.formUnion(sectionSummary.topLevelPartials)
                    summary.allPartials.formUnion(sectionSummary.allPartials)
                    sections.append((section.role, try compile(section.text, file: url)))
                }
                partials.register(try compile(text, file: url), named: id)
                parsed[id] = (url, parts, summary, sections)
            } catch let error as TagScanError {
                throw ConjecturerError(.templateSyntax, "\(error.message): `\(error.offendingText)`", origin: url.path)
            } catch let error as ConjecturerError {
                throw error
            } catch {
                throw ConjecturerError(.templateSyntax, "\(error)", origin: url.path)
            }
        }
        for (id, entry) in parsed {
            if let unknown = entry.summary.allPartials.subtracting(parsed.keys).sorted().first {
                throw ConjecturerError(
                    .missingPartial,
                    "template `\(id)` includes `{{> \(unknown)}}` but no `\(unknown).mustache` exists in the prompts folders",
                    origin: entry.file.path
                )
            }
        }
        func required(_ id: String, visiting: Set<String>) -> Set<String> {
            guard let entry = parsed[id], !visiting.contains(id) else { return [] }
            var names = entry.summary.requiredVariables
            for partial in entry.summary.topLevelPartials {
                names.formUnion(required(partial, visiting: visiting.union([id])))
            }
            return names
        }
        var entries: [String: Entry] = [:]
        for (id, entry) in parsed {
            let template = PromptTemplate(
                id: id,
                kind: id.split(separator: "/").first.map(String.init) ?? id,
                description: entry.parts.description,
                roles: entry.parts.sections.map(\.role),
                file: entry.file,
                requiredVariables: required(id, visiting: [])
            )
            entries[id] = Entry(template: template, sections: entry.sections.map { (role: $0.0, body: $0.1) })
        }
        return PromptLibrary(entries: entries, partials: partials)
    }

    /// `*.mustache` files under `folder` by id (relative path without extension, "/"-separated).
    static func templateFiles(in folder: URL) throws(ConjecturerError) -> [(String, URL)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConjecturerError(
                .promptsFolderMissing,
                "the prompts folder does not exist; pass the project's Prompts/ folder or a folder of *.mustache templates",
                origin: folder.path
            )
        }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else {
            throw ConjecturerError(.promptsFolderMissing, "the prompts folder cannot be listed", origin: folder.path)
        }
        var result: [(String, URL)] = []
        for case let url as URL in enumerator where url.pathExtension == "mustache" {
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(base.path + "/") else { continue }
            let relative = String(full.dropFirst(base.path.count + 1).dropLast(".mustache".count))
            result.append((relative, url))
        }
        return result
    }

    static func readTemplate(_ url: URL) throws(ConjecturerError) -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ConjecturerError(.templateUnreadable, "cannot read the template file: \(error.localizedDescription)", origin: url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConjecturerError(.templateUnreadable, "the template file is not valid UTF-8; save it as UTF-8", origin: url.path)
        }
        return text
    }

    static func compile(_ text: String, file: URL) throws(ConjecturerError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: textPragma + text)
        } catch let error as MustacheTemplate.ParserError {
            throw ConjecturerError(
                .templateSyntax,
                "invalid Mustache (\(error.error)) near `\(error.context.line)`",
                origin: file.path,
                line: error.context.lineNumber
            )
        } catch {
            throw ConjecturerError(.templateSyntax, "invalid Mustache: \(error)", origin: file.path)
        }
    }
}
