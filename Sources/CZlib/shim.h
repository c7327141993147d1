#ifndef DVCHECK_CZLIB_SHIM_H
#define DVCHECK_CZLIB_SHIM_H
#include <zlib.h>
#endif
