import CEditLine
import Foundation

/// libedit's readline: reads lines with editing, keeps a history file without consecutive duplicates.
struct LineEditor {
    /// The history file.
    let historyPath: String

    /// An editor whose history lives at `historyPath` (loaded now if it exists).
    init(historyPath: String) {
        self.historyPath = historyPath
        using_history()
        stifle_history(1000)
        _ = read_history(historyPath)
    }

    /// What a read gave.
    enum Input {
        /// A line (without its newline).
        case line(String)
        /// Ctrl-C while editing.
        case interrupted
        /// Ctrl-D or the end of input.
        case end
    }

    /// Reads one line after printing `prompt`.
    func read(prompt: String) -> Input {
        errno = 0
        guard let pointer = readline(prompt) else { return errno == EINTR ? .interrupted : .end }
        defer { free(pointer) }
        return .line(String(cString: pointer))
    }

    /// Adds `line` to the history unless it is blank or the same as the last entry, then saves the file.
    func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        if let last = tandem_history_last(), String(cString: last) == line { return }
        add_history(line)
        _ = write_history(historyPath)
    }
}
