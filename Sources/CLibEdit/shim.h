// Non-variadic wrappers over libedit's variadic el_set/history calls, which Swift cannot call.
// The REPL issue fills these in; the header must exist so the system library target builds.
#include <stdio.h>
#include <locale.h>
#include <histedit.h>
