#ifndef CAREACCESS_CLZMA_SHIM_H
#define CAREACCESS_CLZMA_SHIM_H
#include <lzma.h>
#endif
