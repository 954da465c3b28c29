// libedit through its readline-compatible header plus shims for the C-variadic calls and stdio globals that do not
// import in Swift 6 mode. This module promises no stable Swift API: Sources/tandem wraps it.
#ifndef TANDEM_CEDITLINE_SHIM_H
#define TANDEM_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#include <histedit.h>

/// isatty() on standard input, for choosing between the REPL and batch reading.
#include <unistd.h>
static inline int tandem_stdin_isatty(void) { return isatty(STDIN_FILENO); }
static inline int tandem_stdout_isatty(void) { return isatty(STDOUT_FILENO); }
#endif
