// oneDNN's dnnl_sgemm (libdnnl-dev, OpenMP runtime). This module promises no stable Swift API: Tensor wraps it.
#ifndef TANDEM_CDNNL_SHIM_H
#define TANDEM_CDNNL_SHIM_H
#include <oneapi/dnnl/dnnl.h>

// libgomp comes with libdnnl; its per-thread ICV setter is declared here so that no omp.h is needed.
void omp_set_num_threads(int num_threads);

/// Row-major C = alpha·op(A)·op(B) + beta·C on the calling thread only: sets this thread's OpenMP thread count
/// (a per-thread ICV, not a process-wide setting) to 1, so oneDNN starts no OpenMP team and nothing spins.
/// Returns dnnl_success (0) or oneDNN's error status.
static inline int tandem_sgemm_single(
    char transa, char transb, long m, long n, long k, float alpha, const float *a, long lda, const float *b,
    long ldb, float beta, float *c, long ldc) {
    omp_set_num_threads(1);
    return (int)dnnl_sgemm(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

/// As `tandem_sgemm_single`, but lets oneDNN start an OpenMP team of `threads` threads on this thread (its own
/// threading; used only by scripts/bench/gemm to compare with Tandem's split).
static inline int tandem_sgemm_openmp(
    int threads, char transa, char transb, long m, long n, long k, float alpha, const float *a, long lda,
    const float *b, long ldb, float beta, float *c, long ldc) {
    omp_set_num_threads(threads);
    int status = (int)dnnl_sgemm(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    omp_set_num_threads(1);
    return status;
}

/// The instruction set oneDNN's JIT kernels use on this CPU, as oneDNN names it.
static inline const char *tandem_dnnl_isa(void) {
    switch (dnnl_get_effective_cpu_isa()) {
    case dnnl_cpu_isa_sse41: return "sse41";
    case dnnl_cpu_isa_avx: return "avx";
    case dnnl_cpu_isa_avx2: return "avx2";
    case dnnl_cpu_isa_avx2_vnni: return "avx2_vnni";
    case dnnl_cpu_isa_avx512_core: return "avx512_core";
    case dnnl_cpu_isa_avx512_core_vnni: return "avx512_core_vnni";
    case dnnl_cpu_isa_avx512_core_bf16: return "avx512_core_bf16";
    case dnnl_cpu_isa_avx512_core_amx: return "avx512_core_amx";
    default: return "other";
    }
}
#endif
