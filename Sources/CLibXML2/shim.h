// Debian's libxml2 is built with ICU, and its headers would pull the system ICU into
// every Swift module that imports them, clashing with Foundation's own ICU. Read the
// version header first, switch the ICU part off, then include what we use.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/relaxng.h>
#include <libxml/xmlstring.h>

// xmlFree is a mutable C global; Swift 6 refuses to read one from concurrent code, so
// the call goes through this function instead.
static inline void imprint_xml_free(void *pointer) { xmlFree(pointer); }
