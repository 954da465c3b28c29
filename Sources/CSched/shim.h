#ifndef TANDEM_CSCHED_SHIM_H
#define TANDEM_CSCHED_SHIM_H

/* sched_setaffinity / sched_getaffinity are GNU extensions: declared only with _GNU_SOURCE. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sched.h>

/* Restricts the calling process to the CPUs whose bits are set in `mask` (CPU i = bit i, i < 64). 0 on success. */
static inline int tandem_pin_cpus(unsigned long long mask) {
    cpu_set_t set;
    CPU_ZERO(&set);
    for (int cpu = 0; cpu < 64; cpu++) {
        if (mask & (1ULL << cpu)) CPU_SET(cpu, &set);
    }
    return sched_setaffinity(0, sizeof(set), &set);
}

/* The number of CPUs the calling process may run on (1 if the kernel does not say). */
static inline int tandem_available_cpus(void) {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) != 0) return 1;
    return CPU_COUNT(&set);
}

#endif
