// libedit through its readline-compatible header plus shims for the C-variadic calls, globals and stdio
// objects that do not import in Swift 6 mode. This module promises no stable Swift API: Sources/tandem wraps it.
#ifndef TANDEM_CEDITLINE_SHIM_H
#define TANDEM_CEDITLINE_SHIM_H
#include <stdio.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <editline/readline.h>
#include <histedit.h>

/// isatty() on standard input, for choosing between the REPL and batch reading.
#include <unistd.h>
static inline int tandem_stdin_isatty(void) { return isatty(STDIN_FILENO); }
static inline int tandem_stdout_isatty(void) { return isatty(STDOUT_FILENO); }

/// Installs `handler` for SIGINT without SA_RESTART, so that a blocked read returns EINTR, and unblocks
/// SIGINT in case the parent process handed down a mask that blocks it.
static inline void tandem_install_sigint(void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &interrupt, NULL);
}

/// Sets readline's attempted-completion hook.
static inline void tandem_set_completion(char **(*function)(const char *, int, int)) {
    rl_attempted_completion_function = function;
}

/// The line being edited (valid during a completion callback).
static inline const char *tandem_line_buffer(void) { return rl_line_buffer; }

/// Whether readline should skip its file-name completion after the hook ran (1) or not (0).
static inline void tandem_set_completion_over(int over) { rl_attempted_completion_over = over; }

/// The character appended after a unique completion (0 for none).
static inline void tandem_set_completion_append(int character) { rl_completion_append_character = character; }

/// The characters that separate words for completion.
static inline void tandem_set_word_breaks(const char *breaks) { rl_basic_word_break_characters = (char *)breaks; }

/// The text of the most recent history entry, or NULL.
static inline const char *tandem_history_last(void) {
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry ? entry->line : NULL;
}
#endif
