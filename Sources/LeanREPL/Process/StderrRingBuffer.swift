/// The last `capacity` bytes a process wrote to stderr (older bytes are dropped), for error reports.
struct StderrRingBuffer: Sendable {
    let capacity: Int
    private var storage: [UInt8] = []
    private(set) var droppedBytes = 0

    init(capacity: Int = 64 * 1024) {
        precondition(capacity > 0)
        self.capacity = capacity
        storage.reserveCapacity(capacity)
    }

    mutating func append(_ bytes: some Collection<UInt8>) {
        if bytes.count >= capacity {
            droppedBytes += storage.count + bytes.count - capacity
            storage = Array(bytes.suffix(capacity))
            return
        }
        let overflow = storage.count + bytes.count - capacity
        if overflow > 0 {
            storage.removeFirst(overflow)
            droppedBytes += overflow
        }
        storage.append(contentsOf: bytes)
    }

    /// The retained bytes as text (invalid UTF-8 repaired), prefixed by a note when bytes were dropped.
    var text: String {
        let body = String(decoding: storage, as: UTF8.self)
        return droppedBytes > 0 ? "[… \(droppedBytes) earlier bytes dropped]\n" + body : body
    }
}
