#ifndef ACTORGRAPH_CGRAPHVIZ_SHIM_H
#define ACTORGRAPH_CGRAPHVIZ_SHIM_H
// The only Graphviz headers actorgraph uses; they come from the system (libgraphviz-dev).
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
