extension Store {
    /// A fingerprint of the network's content: every live row's cells, with strings by text (not
    /// by id, since ids depend on interning order). Equal content gives equal digests in any
    /// process. Used to prove that failed work left no trace.
    /// - Complexity: O(store size); for tests and checks, not hot paths.
    public func digest() -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ v: UInt64) {
            var x = v
            for _ in 0..<8 {
                h ^= x & 0xff
                h = h &* 0x100_0000_01b3
                x >>= 8
            }
        }
        for kind in Kind.allCases {
            let table = self[kind]
            mix(UInt64(kind.rawValue))
            for row in 0..<Int32(table.count) where table.isLive(row) {
                mix(UInt64(UInt32(bitPattern: row)))
                for (i, field) in kind.fields.enumerated() {
                    let c = table.columns[i][row]
                    switch field.type {
                    case .string, .personal:
                        if c == nullCell { mix(0xffff) } else { for b in strings.string(c).utf8 { mix(UInt64(b)) }; mix(0xfffe) }
                    default:
                        mix(UInt64(UInt32(bitPattern: c)))
                    }
                }
            }
        }
        return h
    }
}
