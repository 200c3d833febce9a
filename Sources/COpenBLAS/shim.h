#ifndef LITMUS_COPENBLAS_SHIM_H
#define LITMUS_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
