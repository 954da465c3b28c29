// OpenBLAS through the standard CBLAS header. This module promises no stable Swift API: the Tensor module wraps it.
#ifndef TANDEM_CBLAS_SHIM_H
#define TANDEM_CBLAS_SHIM_H
#include <cblas.h>

/// Number of threads OpenBLAS uses (0 = its default).
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
#endif
