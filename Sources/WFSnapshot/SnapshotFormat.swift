import WFStore

/// The layout of a `.wfs` file (docs/snapshot-format.md is the full description).
///
///     header      64 bytes   magic, version, byte-order and float checks, section count,
///                            file length, directory checksum, header checksum
///     directory   64 bytes × sections: name, element type, offset, byte length, checksum
///     sections    payloads back to back: Int32 columns, byte blobs, UTF-8 text, block checksums
///
/// Every section is named ("org.parent", "$strings.bytes", …) and typed, so a reader maps
/// columns by name: a field added in a later version reads as nulls from an older file.
enum SnapshotFormat {
    /// The first bytes. The trailing CR-LF / Ctrl-Z / LF catch text-mode mangling, as PNG's do.
    static let magic: [UInt8] = [0x89, 0x57, 0x46, 0x53, 0x0D, 0x0A, 0x1A, 0x0A] // \x89 W F S \r \n ^Z \n
    static let version: UInt32 = 1
    static let byteOrderMark: UInt32 = 0x0102_0304
    /// A float whose bytes differ under any other IEEE layout (as Lua's dump header does).
    static let floatCheck: Double = 370.5
    static let headerSize = 64
    static let entrySize = 64
    static let nameCapacity = 32
    /// Bounds checked before anything is allocated.
    static let maxSections = 4096

    enum ElementType: UInt32 {
        case int32 = 1, bytes = 2, text = 3
        var width: Int { self == .int32 ? 4 : 1 }
    }

    static let stringBytes = "$strings.bytes"
    static let stringOffsets = "$strings.offsets"
    static let stringHash = "$strings.hash"
    /// Per-block checksums of every other section (`BlockSums`); optional, so older files load.
    static let blockSums = "$blocks"
    static let metaSection = "$meta"
    static let schemaSection = "$schema"

    static func columnName(_ kind: Kind, _ field: Field) -> String { "\(kind.name).\(field.name)" }
    static func deletedName(_ kind: Kind) -> String { "\(kind.name).$deleted" }
    static func nameIndexName(_ kind: Kind) -> String { "\(kind.name).$byname" }
    /// How the schema section spells a field's type; a type change is caught by name.
    static func typeName(_ type: FieldType) -> String {
        switch type {
        case .int: return "int"
        case .bool: return "bool"
        case .date: return "date"
        case .string: return "string"
        case .personal: return "personal"
        case .enumeration(let e): return "enum:\(e.name)"
        case .tags(let e): return "tags:\(e.name)"
        case .ref(let k): return "ref:\(k.name)"
        }
    }

    static func schemaText() -> String {
        Kind.allCases.flatMap { k in k.fields.map { "\(columnName(k, $0)) \(typeName($0.type))" } }
            .joined(separator: "\n")
    }
}

/// The `$meta` section: `key=value` lines.
enum MetaCodec {
    static func encode(_ meta: Meta) -> String {
        var lines = ["name=\(escape(meta.name))", "scale=\(escape(meta.scale))", "origin=\(escape(meta.origin))"]
        if let s = meta.seed { lines.append("seed=\(s)") }
        if let d = meta.asOf { lines.append("as_of=\(d.iso)") }
        if let t = meta.savedAt { lines.append("saved_at=\(t)") }
        return lines.joined(separator: "\n")
    }

    static func decode(_ text: String) -> Meta {
        var meta = Meta()
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq], value = unescape(String(line[line.index(after: eq)...]))
            switch key {
            case "name": meta.name = value
            case "scale": meta.scale = value
            case "origin": meta.origin = value
            case "seed": meta.seed = UInt64(value)
            case "as_of": meta.asOf = Day(iso: value)
            case "saved_at": meta.savedAt = Int64(value)
            default: break
            }
        }
        return meta
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var it = s.makeIterator()
        while let c = it.next() {
            if c == "\\", let n = it.next() { out.append(n == "n" ? "\n" : n) } else { out.append(c) }
        }
        return out
    }
}
