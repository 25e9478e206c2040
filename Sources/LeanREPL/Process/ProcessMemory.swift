import Foundation

/// Resident memory of a process group, read from /proc (Linux).
enum ProcessMemory {
    /// Sum of the resident set sizes (bytes) of every process whose process group is `group`, or nil
    /// when /proc is unavailable.
    static func residentBytes(processGroup group: Int32) -> Int? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        var total = 0
        var found = false
        for entry in entries {
            guard let pid = Int32(entry) else { continue }
            guard pid == group || processGroup(of: pid) == group else { continue }
            if let pages = residentPages(of: pid) {
                total += pages * pageSize
                found = true
            }
        }
        return found ? total : nil
    }

    private static func processGroup(of pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after "(comm)": state ppid pgrp …
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 2 ? Int32(fields[2]) : nil
    }

    private static func residentPages(of pid: Int32) -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        return fields.count > 1 ? Int(fields[1]) : nil
    }
}
