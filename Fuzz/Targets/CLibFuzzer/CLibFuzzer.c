#include <stdlib.h>
#include "CLibFuzzer.h"

// Provided by libclang_rt.fuzzer, which `-sanitize=fuzzer` links.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t));

void baton_fuzz_run(int argc, char **argv, BatonFuzzCallback callback) {
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback));
}
