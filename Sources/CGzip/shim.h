#ifndef ACTORGRAPH_CZLIB_SHIM_H
#define ACTORGRAPH_CZLIB_SHIM_H
// zlib from the system (zlib1g-dev), for gzip-compressed inputs.
#include <zlib.h>
#endif
