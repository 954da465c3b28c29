// HDF5 C library plus static inline shims for the macros and `*_g` globals that do not import into Swift 6
// (see PLATFORM.md). This module promises no stable Swift API: the HDF5 module wraps it.
#ifndef TANDEM_CHDF5_SHIM_H
#define TANDEM_CHDF5_SHIM_H
#include <hdf5.h>

static inline hid_t tandem_H5P_DEFAULT(void) { return H5P_DEFAULT; }
static inline hid_t tandem_H5S_ALL(void) { return H5S_ALL; }
static inline hid_t tandem_H5E_DEFAULT(void) { return H5E_DEFAULT; }
static inline unsigned tandem_H5F_ACC_RDONLY(void) { return H5F_ACC_RDONLY; }
static inline unsigned tandem_H5F_ACC_RDWR(void) { return H5F_ACC_RDWR; }
static inline unsigned tandem_H5F_ACC_TRUNC(void) { return H5F_ACC_TRUNC; }
static inline unsigned tandem_H5F_ACC_EXCL(void) { return H5F_ACC_EXCL; }
static inline hid_t tandem_H5P_FILE_ACCESS(void) { return H5P_FILE_ACCESS; }
static inline hid_t tandem_H5P_DATASET_CREATE(void) { return H5P_DATASET_CREATE; }
static inline hid_t tandem_H5P_LINK_CREATE(void) { return H5P_LINK_CREATE; }
static inline hsize_t tandem_H5S_UNLIMITED(void) { return H5S_UNLIMITED; }
static inline size_t tandem_H5T_VARIABLE(void) { return H5T_VARIABLE; }

static inline hid_t tandem_H5T_NATIVE_FLOAT(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t tandem_H5T_NATIVE_DOUBLE(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t tandem_H5T_NATIVE_INT8(void) { return H5T_NATIVE_INT8; }
static inline hid_t tandem_H5T_NATIVE_UINT8(void) { return H5T_NATIVE_UINT8; }
static inline hid_t tandem_H5T_NATIVE_INT16(void) { return H5T_NATIVE_INT16; }
static inline hid_t tandem_H5T_NATIVE_UINT16(void) { return H5T_NATIVE_UINT16; }
static inline hid_t tandem_H5T_NATIVE_INT32(void) { return H5T_NATIVE_INT32; }
static inline hid_t tandem_H5T_NATIVE_UINT32(void) { return H5T_NATIVE_UINT32; }
static inline hid_t tandem_H5T_NATIVE_INT64(void) { return H5T_NATIVE_INT64; }
static inline hid_t tandem_H5T_NATIVE_UINT64(void) { return H5T_NATIVE_UINT64; }
static inline hid_t tandem_H5T_C_S1(void) { return H5T_C_S1; }
static inline hid_t tandem_H5T_IEEE_F32LE(void) { return H5T_IEEE_F32LE; }
static inline hid_t tandem_H5T_IEEE_F64LE(void) { return H5T_IEEE_F64LE; }
static inline hid_t tandem_H5T_STD_I64LE(void) { return H5T_STD_I64LE; }
static inline hid_t tandem_H5T_STD_I32LE(void) { return H5T_STD_I32LE; }
static inline hid_t tandem_H5T_STD_U8LE(void) { return H5T_STD_U8LE; }

static inline hid_t tandem_H5P_GROUP_CREATE(void) { return H5P_GROUP_CREATE; }
static inline hid_t tandem_H5P_FILE_CREATE(void) { return H5P_FILE_CREATE; }
static inline hid_t tandem_H5T_STD_I8LE(void) { return H5T_STD_I8LE; }
static inline hid_t tandem_H5T_STD_I16LE(void) { return H5T_STD_I16LE; }
static inline hid_t tandem_H5T_STD_U16LE(void) { return H5T_STD_U16LE; }
static inline hid_t tandem_H5T_STD_U32LE(void) { return H5T_STD_U32LE; }
static inline hid_t tandem_H5T_STD_U64LE(void) { return H5T_STD_U64LE; }
static inline int tandem_H5Z_FILTER_DEFLATE(void) { return H5Z_FILTER_DEFLATE; }
static inline int tandem_H5Z_FILTER_SHUFFLE(void) { return H5Z_FILTER_SHUFFLE; }

/// Walk callback for tandem_H5_last_error: keeps the most specific (last visited) description.
static inline herr_t tandem_H5E_walk_keep_last(unsigned n, const H5E_error2_t *err, void *data) {
    (void)n;
    char *buffer = (char *)data;
    if (err != NULL && err->desc != NULL) {
        size_t i = 0;
        for (; i < 511 && err->desc[i] != 0; i++) buffer[i] = err->desc[i];
        buffer[i] = 0;
    }
    return 0;
}

/// Copies the most specific message of the current thread's HDF5 error stack into `buffer` (512 bytes);
/// leaves it empty when the stack is empty.
static inline void tandem_H5_last_error(char *buffer) {
    buffer[0] = 0;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, tandem_H5E_walk_keep_last, buffer);
}

/// Turns off HDF5's automatic error-stack printing (every failed probe would print to stderr).
static inline void tandem_H5_silence_errors(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }
#endif
