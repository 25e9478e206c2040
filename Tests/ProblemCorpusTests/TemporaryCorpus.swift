import Foundation

/// A JSONL file in a fresh temporary folder, removed when the test's scope ends.
func withTemporaryCorpus<T>(
    _ bytes: [UInt8], name: String = "corpus.jsonl", _ body: (URL) throws -> T
) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lp-corpus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return try body(url)
}

func withTemporaryCorpus<T>(_ text: String, name: String = "corpus.jsonl", _ body: (URL) throws -> T) throws -> T {
    try withTemporaryCorpus(Array(text.utf8), name: name, body)
}
