// Declarations only: LLVMFuzzerRunDriver is provided by libFuzzer (-sanitize=fuzzer).
#include "CLibFuzzer.h"
