/// `.name` of a record at one site, with the field's position cached per shape of record.
///
/// Records built by one `select` share one keys array, so the site remembers that array and
/// the position of its name in it: the next record with the same keys storage is read by
/// index, with no search by name. Holding the keys array keeps its storage alive, so an equal
/// address always means the same keys.
final class RecordFieldSite {
    let name: String
    private var keys: [String] = []
    private var storage: UnsafeRawPointer?
    private var index = 0

    init(name: String) { self.name = name }

    /// The field's value when `item` is a record that has it (as `Compiler.field` returns it:
    /// the first field of that name); nil otherwise, for the general path to answer or report.
    /// - Complexity: O(1) for a record shaped as the last one, else O(fields).
    @inline(__always) func read(_ item: Value) -> Value? {
        guard case .record(let r) = item else { return nil }
        let address = r.keys.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        if let address, address == storage, index < r.values.count { return r.values[index] }
        guard let i = r.keys.firstIndex(of: name), i < r.values.count else { return nil }
        keys = r.keys
        storage = address
        index = i
        return r.values[i]
    }
}
