#ifndef TNET_CGRAPHVIZ_SHIM_H
#define TNET_CGRAPHVIZ_SHIM_H
/* Prefixed includes so the build also works where pkg-config gives no -I flag. */
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>

/* Swift 6 refuses to read mutable C globals such as Agdirected: expose them as functions. */
static inline Agdesc_t tnet_gv_directed(void) { return Agdirected; }
static inline Agdesc_t tnet_gv_undirected(void) { return Agundirected; }

#endif
