/// Number formatting for the text renderings (no Foundation formatters, same output on every machine).
enum Formatting {
    /// `value` rounded to `places` decimals, e.g. `decimal(1.25, places: 1)` = `1.3`.
    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// A count with an SI suffix: `950`, `12.3 K`, `4.5 M`, `1.20 G`, `3.40 T`, `5.60 P`, `7.80 E`.
    static func si(_ value: Int) -> String {
        let v = Double(value)
        if value < 1000 { return String(value) }
        if value < 1_000_000 { return decimal(v / 1e3, places: 1) + " K" }
        if value < 1_000_000_000 { return decimal(v / 1e6, places: 1) + " M" }
        for (scale, suffix) in [(1e9, " G"), (1e12, " T"), (1e15, " P")] where v < scale * 1000 {
            return decimal(v / scale, places: 2) + suffix
        }
        return decimal(v / 1e18, places: 2) + " E"
    }
}
