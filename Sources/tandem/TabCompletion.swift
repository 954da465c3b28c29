import CEditLine
import Foundation
import Workbench

/// Connects libedit's completion hook to `Completion` (verbs, keys, choices and session names) and to
/// `PathCompletion` (file names, quoted when they need it, also inside an open quote).
enum TabCompletion {
    /// The shell whose registry and session are completed against (set once by the REPL, used on its thread).
    nonisolated(unsafe) static var shell: Shell?

    /// The word-break characters.
    static let wordBreakText = " \t=;"
    /// The word-break characters for libedit; allocated once because libedit keeps the pointer.
    nonisolated(unsafe) static let wordBreaks = strdup(wordBreakText)

    /// Installs the hook.
    static func install(for shell: Shell) {
        self.shell = shell
        tandem_set_word_breaks(wordBreaks)
        tandem_set_completion { _, _, end in TabCompletion.matches(end: Int(end)) }
    }

    /// The readline match array for the line up to `end`, or nil to fall back to file names. libedit counts
    /// `end` in wide characters (Unicode scalars under a UTF-8 locale), not bytes.
    static func matches(end: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        guard let shell, let buffer = tandem_line_buffer() else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: buffer, count: strlen(buffer))).map { UInt8(bitPattern: $0) }
        var before = ""
        before.unicodeScalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars.prefix(end))
        if let paths = PathCompletion(registry: shell.registry, directory: shell.session.directory).complete(
            before, names: shell.session.names)
        {
            tandem_set_completion_over(1)
            let replacements = paths.replacements(breaks: wordBreakText)
            guard !replacements.isEmpty else { return nil }
            tandem_set_completion_append(Int32(paths.candidates.allSatisfy { $0.hasSuffix("/") } ? 0 : 32))
            return matchArray(replacements)
        }
        let result = Completion(registry: shell.registry).complete(before, names: shell.session.names)
        tandem_set_completion_append(Int32(result.candidates.allSatisfy { $0.hasSuffix("=") } ? 0 : 32))
        guard !result.candidates.isEmpty else {
            tandem_set_completion_over(result.wantsFiles ? 0 : 1)
            return nil
        }
        tandem_set_completion_over(1)
        return matchArray(result.candidates)
    }

    /// The readline match array for `candidates`: their common prefix, then each.
    static func matchArray(_ candidates: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let common = commonPrefix(candidates)
        // libedit reads entry 2 to detect a single match, so a single match is listed as [match, match].
        let entries = [common] + candidates
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
        array[entries.count] = nil
        return array
    }

    /// The longest common prefix of `words`.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
