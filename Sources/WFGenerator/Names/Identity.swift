/// Made-up personal data that looks real: mobile numbers and resident ID numbers.
/// Strings are written byte by byte into a fresh buffer: millions of them are made at nation
/// scale, and formatting through `String(format:)` or interpolation would dominate the run.
enum Identity {
    private static let digits: [UInt8] = Array("0123456789".utf8)
    private static let checkChars: [UInt8] = Array("10X98765432".utf8)
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// Second digits of mainland mobile numbers (13x … 19x).
    private static let secondDigits: [UInt8] = Array("3456789".utf8)

    /// An 11-digit mobile number, 1[3-9]xxxxxxxxx.
    static func phone(_ rng: inout RandomSource) -> String {
        var tail = rng.next()
        return String(unsafeUninitializedCapacity: 11) { buf in
            buf[0] = UInt8(ascii: "1")
            buf[1] = secondDigits[Int(tail % 7)]
            tail /= 7
            for i in 2..<11 {
                buf[i] = digits[Int(tail % 10)]
                tail /= 10
            }
            return 11
        }
    }

    /// An 18-character resident ID: the 6-digit county code, the birth date, a 3-digit sequence
    /// whose last digit is even (even means female), and the ISO 7064 MOD 11-2 check character,
    /// so that a validator would accept it.
    /// - Parameter county: the first 6 digits of a region code (ASCII digits).
    static func idNumber(county: [UInt8], year: Int, month: Int, day: Int, _ rng: inout RandomSource) -> String {
        var sequence = rng.below(500) * 2
        return String(unsafeUninitializedCapacity: 18) { buf in
            for i in 0..<6 { buf[i] = i < county.count ? county[i] : digits[0] }
            var date = year * 10_000 + month * 100 + day
            for i in stride(from: 13, through: 6, by: -1) {
                buf[i] = digits[date % 10]
                date /= 10
            }
            for i in stride(from: 16, through: 14, by: -1) {
                buf[i] = digits[sequence % 10]
                sequence /= 10
            }
            var sum = 0
            for i in 0..<17 { sum += Int(buf[i] &- UInt8(ascii: "0")) * weights[i] }
            buf[17] = checkChars[sum % 11]
            return 18
        }
    }

    /// True when `id` has 17 digits and the right check character (used by the tests).
    static func isValidIDNumber(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count == 18 else { return false }
        var sum = 0
        for i in 0..<17 {
            guard bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") else { return false }
            sum += Int(bytes[i] - UInt8(ascii: "0")) * weights[i]
        }
        return bytes[17] == checkChars[sum % 11]
    }
}
