#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams RFC 4180 CSV (and JSON Lines) to a file through a buffer: exports run to gigabytes at nation scale,
/// so rows are never gathered in memory first.
struct CSVWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var failure: String?

    init?(path: String) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { return nil }
        buffer.reserveCapacity(1 << 20)
    }

    mutating func row(_ fields: [String]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            append(field: f)
        }
        buffer.append(0x0D)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { flush() }
    }

    mutating func appendRaw(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    private mutating func append(field: String) {
        let utf8 = field.utf8
        if utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
            buffer.append(UInt8(ascii: "\""))
            for b in utf8 {
                if b == UInt8(ascii: "\"") { buffer.append(b) }
                buffer.append(b)
            }
            buffer.append(UInt8(ascii: "\""))
        } else {
            buffer.append(contentsOf: utf8)
        }
    }

    mutating func flush() {
        guard failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        var done = 0
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while done < raw.count {
                let n = write(fd, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; returns the first write error, if any.
    mutating func close() -> String? {
        flush()
        if Glibc_close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        return failure
    }
}

@inline(__always) private func Glibc_close(_ fd: Int32) -> Int32 { close(fd) }
