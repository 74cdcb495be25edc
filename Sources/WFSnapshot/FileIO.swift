#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin POSIX file calls. The snapshot reads straight into column buffers and writes straight
/// from them, which Foundation's `Data`/`FileHandle` would force through an extra copy.
enum FileIO {
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Reads exactly `count` bytes at `offset`, retrying on EINTR and short reads.
    /// - Returns: the bytes read (fewer only at end of file).
    static func pread(_ fd: Int32, _ dest: UnsafeMutableRawPointer, _ count: Int, at offset: Int) throws -> Int {
        var done = 0
        while done < count {
            let n = Glibc_pread(fd, dest + done, count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(text: errorText())
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Writes all of `buffer`, retrying on EINTR and short writes.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws {
        guard var p = buffer.baseAddress else { return }
        var left = buffer.count
        while left > 0 {
            let n = write(fd, p, min(left, 1 << 30))
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(text: errorText())
            }
            p += n
            left -= n
        }
    }

    /// Creates (or empties) a file for writing; -1 with `errno` set on failure.
    static func create(_ path: String) -> Int32 { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }

    /// Opens a file or directory read-only; -1 with `errno` set on failure.
    static func openForReading(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC) }

    static func fileSize(_ fd: Int32) -> Int? {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : nil
    }

    struct IOFailure: Error { let text: String }
}

@inline(__always) private func Glibc_pread(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int, _ off: off_t) -> Int {
    pread(fd, p, n, off)
}
