import ArgumentParser
import Foundation

/// Finds the first flag a command does not define and the nearest one it does, so that a misspelling
/// (`verify --bacth x`) is reported as what it is instead of as a missing flag.
///
/// The valid names come from ArgumentParser's own description of the command tree (`_dumpHelp()`), so
/// they can never drift from the flags the commands declare.
struct UnknownOption: Equatable {
    /// The flag as typed, e.g. `--bacth`.
    var flag: String
    /// The command path it was given to, e.g. `leanplay verify`.
    var command: String
    /// The nearest valid spelling, when one is close enough to be a likely typo.
    var suggestion: String?

    /// "unknown option '--bacth' for 'leanplay verify'; did you mean '--batch'? (see 'leanplay verify --help')".
    var message: String {
        var text = "unknown option '\(flag)' for '\(command)'"
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        return text + " (see '\(command) --help')"
    }

    /// The first argument in `arguments` (without the program name) that names no flag of the command it
    /// was given to, or `nil` when every flag is known.
    static func find(in arguments: [String], tree: CommandTree = .leanplay) -> UnknownOption? {
        var node = tree
        var path = [tree.name]
        for argument in arguments {
            if argument == "--" { return nil }
            if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2).prefix { $0 != "=" })
                if node.longNames.contains(name) { continue }
                return UnknownOption(
                    flag: "--" + name, command: path.joined(separator: " "),
                    suggestion: nearest(to: name, in: node.longNames).map { "--" + $0 })
            }
            if argument.count == 2, argument.hasPrefix("-"), let letter = argument.last, letter.isLetter {
                if node.shortNames.contains(letter) { continue }
                return UnknownOption(flag: argument, command: path.joined(separator: " "), suggestion: nil)
            }
            if let child = node.subcommands.first(where: { $0.name == argument }), path.count == 1 {
                node = child
                path.append(child.name)
            }
        }
        return nil
    }

    /// The subcommand nearest to a misspelled one (`leanplay verfy` → `verify`), when the first argument is
    /// no flag and no subcommand.
    static func misspelledSubcommand(in arguments: [String], tree: CommandTree = .leanplay) -> (typed: String, nearest: String?)? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = tree.subcommands.map(\.name) + ["help"]
        guard !names.contains(first) else { return nil }
        return (first, nearest(to: first, in: Set(names)))
    }

    /// The candidate within a small edit distance (transpositions count as one edit) of `name`.
    static func nearest(to name: String, in candidates: Set<String>) -> String? {
        let limit = max(2, name.count / 3)
        var best: (candidate: String, distance: Int)? = nil
        for candidate in candidates.sorted() {
            let distance = editDistance(name, candidate)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        if let best { return best.candidate }
        // A prefix of exactly one flag (`--queue` for `--queue-limit`) is a likely slip too.
        let prefixed = candidates.filter { $0.hasPrefix(name) || name.hasPrefix($0) }
        return prefixed.count == 1 ? prefixed.first : nil
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

/// The flags of a command and its subcommands, read from ArgumentParser's JSON description of it.
struct CommandTree: Sendable {
    var name: String
    var longNames: Set<String>
    var shortNames: Set<Character>
    var subcommands: [CommandTree]

    /// The `leanplay` command tree.
    static let leanplay = CommandTree(dump: LeanPlayCommand._dumpHelp())

    init(name: String, longNames: Set<String>, shortNames: Set<Character>, subcommands: [CommandTree]) {
        self.name = name
        self.longNames = longNames
        self.shortNames = shortNames
        self.subcommands = subcommands
    }

    /// Parses the output of `_dumpHelp()` (ArgumentParser's tool-info format, version 0).
    init(dump: String) {
        let root = (try? JSONSerialization.jsonObject(with: Data(dump.utf8))) as? [String: Any]
        self.init(command: root?["command"] as? [String: Any] ?? [:])
    }

    private init(command: [String: Any]) {
        name = command["commandName"] as? String ?? "leanplay"
        var longNames: Set<String> = ["help"]
        var shortNames: Set<Character> = ["h"]
        if name == "leanplay" { longNames.insert("version") }
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            for entry in argument["names"] as? [[String: Any]] ?? [] {
                guard let kind = entry["kind"] as? String, let text = entry["name"] as? String else { continue }
                if kind == "long" { longNames.insert(text) }
                if kind == "short", let letter = text.first { shortNames.insert(letter) }
            }
        }
        self.longNames = longNames
        self.shortNames = shortNames
        subcommands = (command["subcommands"] as? [[String: Any]] ?? []).map(CommandTree.init(command:))
    }
}
