// libFuzzer's driver entry (compiler-rt, linked by -sanitize=fuzzer). Declared here so the
// fuzz executable keeps its own `main`, which SwiftPM requires of an executable target.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
