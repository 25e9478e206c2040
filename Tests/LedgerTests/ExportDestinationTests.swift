import Foundation
import Ledger
import Testing

/// Where an export may go: a regular file is replaced atomically; anything else (`/dev/null`, a pipe, a
/// terminal) is written to in place and never replaced by a regular file; a folder is refused.
@Suite struct ExportDestinationTests {
    /// `export --out /dev/null` once replaced the device with a regular file (as root): the atomic
    /// temporary-then-rename write must only ever replace regular files. A FIFO stands in for the device.
    @Test func aPipeIsWrittenToInPlaceNotReplaced() throws {
        let fixture = try LedgerFixture(.inMemory)
        _ = try fixture.add("theorem a (x : ℕ) : x + 0 = x")
        let directory = try TemporaryDirectory()
        let fifo = directory.url.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // Open the read end first (non-blocking) so that the export's open for writing does not wait.
        let reader = open(fifo.path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }

        let lines = try fixture.ledger.export(.pairs, to: fifo)

        #expect(lines == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: fifo.path)
        #expect(attributes[.type] as? FileAttributeType != .typeRegular)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(reader, &buffer, buffer.count)
        let text = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
        #expect(text.hasSuffix("\n") && text.contains("\"pair_kind\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["pipe"])  // no temporary left
    }

    @Test func aFolderIsRefusedBeforeAnythingIsWritten() throws {
        let fixture = try LedgerFixture(.inMemory)
        _ = try fixture.add("theorem a (x : ℕ) : x + 0 = x")
        let directory = try TemporaryDirectory()
        let error = #expect(throws: LedgerError.self) { try fixture.ledger.export(.pairs, to: directory.url) }
        #expect(error?.code == .exportFailed)
        #expect(error?.message.contains("folder") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }

    /// A symbolic link to a file: the file it points to gets the export, the link stays a link.
    @Test func aLinkKeepsPointingAtTheExport() throws {
        let fixture = try LedgerFixture(.inMemory)
        _ = try fixture.add("theorem a (x : ℕ) : x + 0 = x")
        let directory = try TemporaryDirectory()
        let target = directory.url.appendingPathComponent("target.jsonl")
        let link = directory.url.appendingPathComponent("latest.jsonl")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)

        try fixture.ledger.export(.pairs, to: link)

        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        let text = try String(contentsOf: target, encoding: .utf8)
        #expect(text.contains("\"pair_kind\"") && !text.contains("old"))
    }
}
