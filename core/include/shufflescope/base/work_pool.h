#pragma once
// The inference fast path's threads: parallelFor(count, body) runs body(i) for every i in
// [0, count) on the calling thread and up to threadCount() - 1 pool threads, and returns when
// every index is done.
//
// Built for a machine that is not ours alone (a teacher's laptop always runs something else):
//  - the caller works too, and indices are claimed one at a time from a shared counter, so a pool
//    thread the OS has not scheduled yet is never waited for — the caller takes its share; only an
//    index a thread has actually started is waited for;
//  - idle threads spin for a few tens of microseconds (a forward pass hands out a job every few),
//    then yield, then sleep on a futex: no thread spins on a core another program needs;
//  - the caller waits the same way, so a preempted pool thread gets the core back at once.
// OpenMP's barriers, which the rest of the engine uses, wait for every thread of the team, so one
// descheduled thread stalls each of a forward pass's ~150 parallel loops for a time slice.
//
// One job at a time: a second thread calling parallelFor meanwhile (or a body calling it, or an
// OpenMP thread inside a parallel region) runs its loop itself, on its own thread. Bodies must not
// throw.

#include <cstdint>
#include <utility>

namespace shufflescope {

namespace detail {
void runParallel(int64_t count, void (*body)(void*, int64_t), void* context);
}

template <class Body>
void parallelFor(int64_t count, Body&& body) {
    detail::runParallel(
        count,
        [](void* context, int64_t i) {
            (*static_cast<std::remove_reference_t<Body>*>(context))(i);
        },
        const_cast<void*>(static_cast<const void*>(&body)));
}

}  // namespace shufflescope
