/// IEEE binary16 ↔ binary32 conversion (round to nearest even; overflow → ±infinity; NaN stays NaN).
public enum Float16Conversion {
    /// The binary16 bit pattern nearest to `value`.
    public static func bits(_ value: Float) -> UInt16 { Float16(value).bitPattern }

    /// The Float of a binary16 bit pattern (exact).
    public static func value(_ bits: UInt16) -> Float { Float(Float16(bitPattern: bits)) }
}
