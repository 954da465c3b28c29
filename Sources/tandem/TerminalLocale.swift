import Foundation

/// The C locale of the process: libedit reads and echoes multibyte characters only under a UTF-8 locale, so
/// the REPL's "…" prompt, names like `données` and quoted paths need it.
enum TerminalLocale {
    /// Takes the locale from the environment (`setlocale(LC_ALL, "")`); when that is the C or POSIX
    /// locale, or not UTF-8, uses `C.UTF-8` instead. Call once, before the line editor starts.
    static func install() {
        let chosen = setlocale(LC_ALL, "").map { String(cString: $0) } ?? ""
        let characterType = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? chosen
        let normalized = characterType.lowercased().replacingOccurrences(of: "-", with: "")
        if !normalized.contains("utf8") {
            _ = setlocale(LC_ALL, "C.UTF-8")
        }
    }
}
