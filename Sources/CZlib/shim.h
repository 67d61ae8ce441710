#ifndef DUIKOU_CZLIB_SHIM_H
#define DUIKOU_CZLIB_SHIM_H

#include <zlib.h>

#endif
