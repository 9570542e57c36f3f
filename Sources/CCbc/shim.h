#ifndef CAREACCESS_CCBC_SHIM_H
#define CAREACCESS_CCBC_SHIM_H
#include <Cbc_C_Interface.h>
#endif
