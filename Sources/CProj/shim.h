#ifndef CAREACCESS_CPROJ_SHIM_H
#define CAREACCESS_CPROJ_SHIM_H
#include <proj.h>
#endif
