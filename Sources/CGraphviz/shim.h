#ifndef TNET_CGRAPHVIZ_SHIM_H
#define TNET_CGRAPHVIZ_SHIM_H
/* Prefixed includes so the build also works where pkg-config gives no -I flag. */
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>

/* Swift 6 refuses to read mutable C globals such as Agdirected: expose them as functions. */
static inline Agdesc_t tnet_gv_directed(void) { return Agdirected; }
static inline Agdesc_t tnet_gv_undirected(void) { return Agundirected; }

/* agtail/aghead are macros; Swift imports functions. */
static inline Agnode_t *tnet_gv_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *tnet_gv_head(Agedge_t *e) { return aghead(e); }
static inline char *tnet_gv_name(void *obj) { return agnameof(obj); }
/* AGSEQ: an object's creation order within its graph (edges in the order the file states them). */
static inline unsigned long tnet_gv_seq(void *obj) { return (unsigned long)AGSEQ(obj); }

#endif
