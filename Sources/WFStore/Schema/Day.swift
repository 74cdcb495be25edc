/// A calendar date as days since 1970-01-01, the form dates take in every date column.
/// Hand-written (Howard Hinnant's civil-day algorithms) rather than Foundation's `Calendar`,
/// which is slow, time-zone dependent and allocates: terms and ledgers hold tens of millions of dates.
public struct Day: Hashable, Comparable, Sendable {
    public var raw: Int32

    public init(raw: Int32) { self.raw = raw }

    /// - Returns: nil when the date does not exist (2026-02-30) or is out of range (years 1–9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(year: year, month: month)).contains(day) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        raw = Int32(era * 146097 + doe - 719468)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init?(iso text: String) { self.init(iso: Substring(text)) }

    public var civil: (year: Int, month: Int, day: Int) {
        let z = Int(raw) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { civil.year }

    public var iso: String {
        let (y, m, d) = civil
        return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
    }

    /// Adds calendar months, clamping the day to the month's end (2026-01-31 + 1 month = 2026-02-28).
    public func adding(years: Int = 0, months: Int = 0, days: Int = 0) -> Day? {
        var (y, m, d) = civil
        let total = y * 12 + (m - 1) + years * 12 + months
        y = total / 12
        m = total % 12 + 1
        guard (1...9999).contains(y) else { return nil }
        d = min(d, Day.daysIn(year: y, month: m))
        guard let base = Day(year: y, month: m, day: d) else { return nil }
        let r = Int(base.raw) + days
        guard r > Int(Int32.min) + 1, r < Int(Int32.max) else { return nil }
        let out = Day(raw: Int32(r))
        return (1...9999).contains(out.year) ? out : nil
    }

    public static func < (a: Day, b: Day) -> Bool { a.raw < b.raw }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
