#ifndef CAREACCESS_CZLIB_SHIM_H
#define CAREACCESS_CZLIB_SHIM_H
#include <zlib.h>
#endif
