// libFuzzer's driver, started from each target's main: SwiftPM gives every
// executable a `main` of its own, so libFuzzer's `main` is never linked.
#include <stddef.h>
#include <stdint.h>

typedef int (*BatonFuzzCallback)(const uint8_t *data, size_t size);

/// Runs libFuzzer with the command line's options on `callback`, then exits.
void baton_fuzz_run(int argc, char **argv, BatonFuzzCallback callback) __attribute__((noreturn));
