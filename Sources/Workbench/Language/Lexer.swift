/// Splits one line of the command language into statements of words.
///
/// Words are separated by blanks; `'single'` and `"double"` quotes group blanks into a word (double quotes
/// accept `\"` and `\\`); an unquoted `#` at the start of a word starts a comment; an unquoted `;` ends a
/// statement, so `load a.h5; list` is two commands.
public enum Lexer {
    /// The statements of `line`, each a list of tokens; empty statements are dropped.
    public static func statements(_ line: String) throws(ScriptError) -> [[Token]] {
        var statements: [[Token]] = []
        var current: [Token] = []
        var chars = Array(line)
        if chars.last == "\r" { chars.removeLast() }
        var i = 0
        func flush() {
            if !current.isEmpty { statements.append(current) }
            current = []
        }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" {
                i += 1
                continue
            }
            if c == ";" {
                flush()
                i += 1
                continue
            }
            if c == "#" { break }
            let start = i
            var text = ""
            var quoted = false
            var equalsOffset: Int?
            while i < chars.count {
                let d = chars[i]
                if d == " " || d == "\t" || d == ";" { break }
                if d == "'" || d == "\"" {
                    quoted = true
                    let open = i
                    i += 1
                    var closed = false
                    while i < chars.count {
                        if chars[i] == d {
                            closed = true
                            break
                        }
                        if d == "\"" && chars[i] == "\\" && i + 1 < chars.count
                            && (chars[i + 1] == "\"" || chars[i + 1] == "\\")
                        {
                            i += 1
                        }
                        text.append(chars[i])
                        i += 1
                    }
                    guard closed else {
                        throw ScriptError("unterminated \(d) quote", column: open + 1, line: String(chars))
                    }
                    i += 1
                    continue
                }
                if d == "=" && equalsOffset == nil && !quoted { equalsOffset = text.count }
                text.append(d)
                i += 1
            }
            current.append(Token(text: text, column: start + 1, quoted: quoted, equalsOffset: equalsOffset))
        }
        flush()
        return statements
    }
}
