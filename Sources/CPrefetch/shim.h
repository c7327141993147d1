#ifndef DVCHECK_CPREFETCH_SHIM_H
#define DVCHECK_CPREFETCH_SHIM_H

/* Asks the CPU to bring the cache line holding `address` in, without waiting for it. Swift has no
   prefetch of its own; a load would hold the instructions after it until the line arrives. */
static inline void dvcheck_prefetch(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
