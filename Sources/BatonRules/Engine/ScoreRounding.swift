import BatonLang

extension ScorePoints {
    /// The largest magnitude a score may reach, in hundredths: far beyond any
    /// real score, and small enough that sums of many never overflow.
    static let saturationHundredths: Int64 = 1_000_000_000_000_000

    /// Rounds a score to hundredths as rules.md "Arithmetic of scores" says: the
    /// shortest decimal that round-trips the double, rounded half away from zero
    /// to two places in decimal arithmetic (0.125 → 0.13, 2.675 → 2.68).
    ///
    /// Nil when the value is not finite. Magnitudes past
    /// `saturationHundredths` saturate there.
    public init?(rounding value: Double) {
        guard value.isFinite else { return nil }
        // Whole and quarter points (`20`, `2.5`, `-0.25`), the common case:
        // below 2^40 such a value's shortest decimal is exact with at most two
        // places, so it needs no rounding and no text. `× 4` is exact.
        let quarters = value * 4
        if quarters.magnitude < 0x1p42, quarters == quarters.rounded(.towardZero) {
            self.init(hundredths: Int64(quarters) * 25)
            return
        }
        if let hundredths = ScorePoints.binaryHundredths(of: value) {
            self.init(hundredths: hundredths)
            return
        }
        guard let hundredths = ScorePoints.decimalHundredths(of: value) else {
            self.init(hundredths: value < 0 ? -Self.saturationHundredths : Self.saturationHundredths)
            return
        }
        self.init(hundredths: hundredths)
    }

    /// The saturating sum, so that hostile point values never trap.
    static func saturatingSum(_ a: ScorePoints, _ b: ScorePoints) -> ScorePoints {
        let sum = a.hundredths.addingReportingOverflow(b.hundredths)
        guard !sum.overflow else { return ScorePoints(hundredths: a.hundredths < 0 ? Int64.min / 2 : Int64.max / 2) }
        return ScorePoints(hundredths: sum.partialValue)
    }

    /// The hundredths in binary arithmetic, when that is provably what the
    /// decimal rounding gives; nil near a tie, which `decimalHundredths` decides.
    ///
    /// The shortest decimal `d` of `value` is within half an ulp of it, and
    /// `value * 100` rounds by half an ulp more, so `100 d` and `scaled`
    /// differ by at most 2^-52 × `scaled`. Unless the fraction of `scaled` is
    /// that close to .5, `100 d` rounds to the integer nearest `scaled`.
    static func binaryHundredths(of value: Double) -> Int64? {
        let scaled = value * 100
        let magnitude = scaled.magnitude
        guard magnitude < 0x1p50 else { return nil }
        let whole = magnitude.rounded(.down)
        // Exact: `whole` has the leading bits of `magnitude`. So is the
        // subtraction of 0.5 wherever the fraction is near it.
        let fraction = magnitude - whole
        guard (fraction - 0.5).magnitude > magnitude * 0x1p-48 else { return nil }
        let hundredths = Int64(whole) + (fraction > 0.5 ? 1 : 0)
        return value < 0 ? -hundredths : hundredths
    }

    /// Works on `description`, Swift's shortest round-trip representation
    /// (`2.675`, `1e-05`, `1.5e+20`): digits, a decimal point and an exponent.
    static func decimalHundredths(of value: Double) -> Int64? {
        let text = value.description.utf8
        var negative = false
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var digitsBeforePoint = 0
        var seenPoint = false
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "-"):
                if inExponent { exponentNegative = true } else { negative = true }
            case UInt8(ascii: "+"):
                continue
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                if inExponent {
                    exponent = min(exponent * 10 + digit, 10_000)
                } else {
                    digits.append(UInt8(digit))
                    if !seenPoint { digitsBeforePoint += 1 }
                }
            default:
                return nil
            }
        }
        // The value is 0.d1d2d3… × 10^pointPosition.
        let pointPosition = digitsBeforePoint + (exponentNegative ? -exponent : exponent)
        // Hundredths are the digits up to pointPosition + 2; the next digit rounds.
        let keptCount = pointPosition + 2
        guard keptCount <= 18 else { return nil }
        var hundredths: Int64 = 0
        if keptCount > 0 {
            for index in 0..<keptCount {
                hundredths = hundredths * 10 + Int64(index < digits.count ? digits[index] : 0)
            }
        }
        if keptCount >= 0, keptCount < digits.count, digits[keptCount] >= 5 {
            hundredths += 1
        }
        return negative ? -hundredths : hundredths
    }
}

/// Clamps a component's unrounded sum to its bounds.
func clampComponent(_ sum: Double, min lower: Double?, max upper: Double?) -> Double {
    var value = sum
    if let upper, value > upper { value = upper }
    if let lower, value < lower { value = lower }
    return value
}
