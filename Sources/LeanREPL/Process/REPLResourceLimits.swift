#if canImport(Glibc)
import Glibc
#endif

/// Resource limits for a REPL process, applied with prlimit(2) on the child's pid right after spawn
/// (swift-subprocess has no pre-exec hook on Linux). Limits are inherited by everything the child
/// spawns afterwards (e.g. `lake env repl` → `repl`); the child runs unlimited only for the instant
/// between spawn and prlimit. Nil means "leave as inherited".
public struct REPLResourceLimits: Sendable, Hashable {
    /// RLIMIT_AS: maximum virtual address space in bytes.
    public var addressSpaceBytes: UInt64?
    /// RLIMIT_CPU: maximum CPU seconds over the process's life (a recycled worker starts afresh).
    public var cpuSeconds: UInt64?
    /// RLIMIT_FSIZE: maximum size of a file the process writes, in bytes.
    public var fileSizeBytes: UInt64?

    /// Creates limits.
    public init(addressSpaceBytes: UInt64? = nil, cpuSeconds: UInt64? = nil, fileSizeBytes: UInt64? = nil) {
        self.addressSpaceBytes = addressSpaceBytes
        self.cpuSeconds = cpuSeconds
        self.fileSizeBytes = fileSizeBytes
    }

    /// Defaults sized for Mathlib: 64 GiB of address space (Lean maps .olean files and reserves large
    /// virtual areas), 2 CPU hours per process, 1 GiB per written file.
    public static let standard = REPLResourceLimits(
        addressSpaceBytes: 64 << 30, cpuSeconds: 7200, fileSizeBytes: 1 << 30
    )

    /// No limits.
    public static let none = REPLResourceLimits()

    /// Applies the limits to a running process; returns the names of limits that could not be set.
    func apply(to pid: Int32) -> [String] {
        var failed: [String] = []
        #if os(Linux)
        let entries: [(String, Int32, UInt64?)] = [
            ("RLIMIT_AS", Int32(RLIMIT_AS.rawValue), addressSpaceBytes),
            ("RLIMIT_CPU", Int32(RLIMIT_CPU.rawValue), cpuSeconds),
            ("RLIMIT_FSIZE", Int32(RLIMIT_FSIZE.rawValue), fileSizeBytes),
        ]
        for (name, resource, value) in entries {
            guard let value else { continue }
            var limit = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
            guard let prlimit = Self.prlimit, prlimit(pid, resource, &limit, nil) == 0 else {
                failed.append(name)
                continue
            }
        }
        #endif
        return failed
    }

    #if os(Linux)
    private typealias PrlimitFunction = @convention(c) (pid_t, Int32, UnsafePointer<rlimit>?, UnsafeMutablePointer<rlimit>?) -> Int32

    /// glibc's prlimit(2) wrapper, looked up at run time: Glibc's Swift module hides it behind
    /// _GNU_SOURCE, and it needs no C shim target this way.
    private static let prlimit: PrlimitFunction? = {
        guard let symbol = dlsym(nil, "prlimit") else { return nil }
        return unsafeBitCast(symbol, to: PrlimitFunction.self)
    }()
    #endif
}
