// GNU libunistring's character widths (East Asian Width, combining marks, emoji).
#include <uniwidth.h>
