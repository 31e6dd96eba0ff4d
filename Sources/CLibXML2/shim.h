#ifndef STAR_REPORT_LIBXML2_SHIM_H
#define STAR_REPORT_LIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers would then pull in ICU's, whose types clash with
   Foundation's bundled ICU in the same Swift module. Nothing here uses the ICU fields. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>

/* xmlFree is a global function pointer variable; Swift 6 rejects touching it from
   concurrent code, so it is called through this wrapper. */
static inline void star_xmlFree(void *p) { xmlFree(p); }
#endif
