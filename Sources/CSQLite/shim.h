#ifndef DUIKOU_CSQLITE_SHIM_H
#define DUIKOU_CSQLITE_SHIM_H

#include <sqlite3.h>

#endif
