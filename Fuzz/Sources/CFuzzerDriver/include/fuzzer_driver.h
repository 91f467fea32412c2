// libFuzzer's driver, called from the target's own entry point: SwiftPM names an
// executable's entry point <Module>_main, which libFuzzer's main() would not call.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
