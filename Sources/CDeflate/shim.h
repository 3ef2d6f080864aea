#ifndef ACTORGRAPH_CDEFLATE_SHIM_H
#define ACTORGRAPH_CDEFLATE_SHIM_H
// libdeflate from the system (libdeflate-dev): whole-buffer DEFLATE decompression and CRC-32 for ZIP members.
#include <libdeflate.h>
#endif
