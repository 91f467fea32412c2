#include <zlib.h>
#include <minizip/zip.h>
