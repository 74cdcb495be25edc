import WFStore

/// count, sum, avg, min, max and ratio over a list of values. Nulls are skipped, as spreadsheets do.
enum Aggregate {
    static let names: Set<String> = ["count", "sum", "avg", "min", "max", "ratio"]

    static func apply(_ name: String, _ values: [Value], _ span: Span) throws -> Value {
        switch name {
        case "count":
            return .int(Int64(values.reduce(0) { $0 + ($1.isNull ? 0 : 1) }))
        case "sum":
            var isum: Int64 = 0
            var dsum = 0.0
            var decimal = false
            for v in values {
                switch v {
                case .null: continue
                case .int(let i):
                    let (r, o) = isum.addingReportingOverflow(i)
                    if o { decimal = true; dsum += Double(isum) + Double(i); isum = 0 } else { isum = r }
                case .decimal(let d): decimal = true; dsum += d
                case .bool(let b): isum += b ? 1 : 0
                default: throw WFError.runtime("sum needs numbers, not \(v.typeName)", span)
                }
            }
            return decimal ? .decimal(dsum + Double(isum)) : .int(isum)
        case "avg":
            var total = 0.0
            var n = 0
            for v in values {
                if v.isNull { continue }
                guard let d = v.asDouble else { throw WFError.runtime("avg needs numbers, not \(v.typeName)", span) }
                total += d
                n += 1
            }
            return n == 0 ? .null : .decimal(total / Double(n))
        case "min", "max":
            var best: Value = .null
            for v in values where !v.isNull {
                if best.isNull { best = v; continue }
                guard let c = Value.compare(v, best) else {
                    throw WFError.runtime("\(name) cannot compare \(v.typeName) with \(best.typeName)", span)
                }
                if (name == "min" && c < 0) || (name == "max" && c > 0) { best = v }
            }
            return best
        case "ratio":
            if values.isEmpty { return .null }
            let yes = values.reduce(0) { $0 + ($1.truthy ? 1 : 0) }
            return .decimal(Double(yes) / Double(values.count))
        default:
            throw WFError.runtime("unknown aggregate \(name)", span)
        }
    }
}
