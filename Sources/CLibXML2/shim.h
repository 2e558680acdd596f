#ifndef TNET_CLIBXML2_SHIM_H
#define TNET_CLIBXML2_SHIM_H
/* libxml2's push parser and SAX2 callbacks, for the GraphML reader (TNetIO). pkg-config
 * libxml-2.0 gives -I/usr/include/libxml2, where these headers live as <libxml/…>. */
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, and its encoding.h then includes the system's ICU headers,
 * which clash with the ICU that Foundation carries (same enums, other members). Nothing here
 * uses ICU; the one struct that changes with it (xmlCharEncodingHandler) is only ever seen
 * through pointers. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

/* XML_SAX2_MAGIC is a macro Swift does not import as the field's type. */
static inline unsigned int tnet_xml_sax2_magic(void) { return XML_SAX2_MAGIC; }

#endif
