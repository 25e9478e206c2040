import ArgumentParser
import Foundation

/// Refuses an output that is one of the command's inputs (the same file by path, link or hard link):
/// `export --db run.sqlite --out run.sqlite` replaced the ledger, the whole run, with its own export.
enum DistinctPaths {
    /// - Throws: `ValidationError` (exit 64) naming both flags when `output` is the file of one of `inputs`.
    static func requireOutput(_ output: (flag: String, path: String), differsFrom inputs: [(flag: String, path: String)]) throws {
        guard output.path != "-", let target = identity(output.path) else { return }
        for input in inputs where input.path != "-" && identity(input.path) == target {
            throw ValidationError(
                "\(output.flag) \(output.path) is the same file as \(input.flag) \(input.path); writing it would destroy the input: choose another \(output.flag)")
        }
    }

    /// The device and inode of an existing file (nil when it does not exist yet).
    private static func identity(_ path: String) -> [Int]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [Int(status.st_dev), Int(status.st_ino)]
    }
}
