// libFuzzer's driver entry (LLVM 12+), called from each target's main: SwiftPM links executables with
// `--defsym main=<module>_main`, so the target defines `<module>_main` and hands control to libFuzzer here
// instead of relying on libFuzzer's own `main`.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
