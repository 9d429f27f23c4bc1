#include "shufflescope/base/work_pool.h"

#include <linux/futex.h>
#include <omp.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "shufflescope/base/threading.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define SHUFFLESCOPE_PAUSE() _mm_pause()
#else
#define SHUFFLESCOPE_PAUSE() ((void)0)
#endif

namespace shufflescope {

namespace {

// How long a waiting thread spins (pause instructions, ~30 us) and then yields (sched_yield: the
// core goes to anyone runnable) before it sleeps on a futex.
constexpr int kSpins = 1000;
constexpr int kYields = 50;

// Sleeping and waking on a 32-bit atomic (Linux futex). Not std::atomic::wait: libstdc++ 12's
// notify_all was seen to leave a waiter asleep (a pool thread never woke at exit).
void futexWait(std::atomic<uint32_t>& word, uint32_t expected) {
    static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t));
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAIT_PRIVATE, expected, nullptr,
            nullptr, 0);
}
void futexWakeAll(std::atomic<uint32_t>& word) {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAKE_PRIVATE, INT32_MAX, nullptr,
            nullptr, 0);
}

class WorkPool {
  public:
    // Never destroyed: its threads sleep until the process ends, so no exit handler waits for
    // a thread (or runs while one works).
    static WorkPool& instance() {
        static WorkPool* pool = new WorkPool;
        return *pool;
    }

    void run(int64_t count, int threads, void (*body)(void*, int64_t), void* context) {
        std::unique_lock<std::mutex> alone(use_, std::try_to_lock);
        // Inside an OpenMP team (a trainer's per-image threads) the cores are taken already.
        if (threads <= 1 || count <= 1 || !alone.owns_lock() || count >= int64_t(UINT32_MAX) ||
            omp_in_parallel()) {
            for (int64_t i = 0; i < count; ++i) body(context, i);
            return;
        }
        while (int(workers_.size()) < threads - 1) {
            const int id = int(workers_.size());
            workers_.emplace_back([this, id] { serve(id); });
        }
        // Close the claim word first: a thread still holding a word of an earlier job fails its
        // claim from here on, whatever job fields it reads next.
        const uint32_t generation = generation_.load() + 1;
        claim_.store(uint64_t(generation) << 32 | UINT32_MAX);
        body_.store(body, std::memory_order_release);
        context_.store(context, std::memory_order_release);
        count_.store(uint32_t(count), std::memory_order_release);
        helpers_.store(threads - 1, std::memory_order_release);
        done_.store(0);
        claim_.store(uint64_t(generation) << 32);  // open: index 0 is next
        generation_.store(generation);
        if (sleepers_.load() > 0) futexWakeAll(generation_);
        work(generation);
        waitUntilDone();
    }

  private:
    // Claims and runs indices of job `generation` until none is left (or the job is another).
    // The claim word holds the generation with the next index, so a thread that saw an old job
    // can never take an index of a newer one; a job's fields are only read between a successful
    // claim and that index's completion, while the job cannot end.
    void work(uint32_t generation) {
        for (;;) {
            uint64_t word = claim_.load();
            // count_ may be a newer job's here: its job closed the claim word before writing it,
            // so the claim below fails.
            const uint32_t count = count_.load(std::memory_order_acquire);
            if (uint32_t(word >> 32) != generation || uint32_t(word) >= count) return;
            if (!claim_.compare_exchange_weak(word, word + 1)) continue;
            // Claimed: the job cannot end before this index is done, so these are its fields.
            body_.load(std::memory_order_acquire)(context_.load(std::memory_order_acquire),
                                                  int64_t(uint32_t(word)));
            if (done_.fetch_add(1) + 1 == count && callerWaiting_.load()) futexWakeAll(done_);
        }
    }

    void waitUntilDone() {
        const uint32_t count = count_.load(std::memory_order_relaxed);
        for (int i = 0; i < kSpins + kYields; ++i) {
            if (done_.load() == count) return;
            if (i < kSpins)
                SHUFFLESCOPE_PAUSE();
            else
                sched_yield();
        }
        callerWaiting_.store(true);
        for (uint32_t d = done_.load(); d != count; d = done_.load()) futexWait(done_, d);
        callerWaiting_.store(false);
    }

    void serve(int id) {
        uint32_t seen = generation_.load();
        for (;;) {
            uint32_t generation = generation_.load();
            for (int i = 0; generation == seen; generation = generation_.load(), ++i) {
                if (i < kSpins) {
                    SHUFFLESCOPE_PAUSE();
                } else if (i < kSpins + kYields) {
                    sched_yield();
                } else {
                    sleepers_.fetch_add(1);
                    futexWait(generation_, seen);
                    sleepers_.fetch_sub(1);
                }
            }
            seen = generation;
            // helpers_ may already be the next job's: then the claim below fails anyway.
            if (id < helpers_.load(std::memory_order_acquire)) work(generation);
        }
    }

    std::mutex use_;
    std::vector<std::thread> workers_;
    // The job: written between closing and opening the claim word, so a thread that claims an
    // index reads its job's; atomics because a late thread may read a newer job's while it finds
    // out its own has ended.
    std::atomic<void (*)(void*, int64_t)> body_{nullptr};
    std::atomic<void*> context_{nullptr};
    std::atomic<uint32_t> count_{0};
    std::atomic<int> helpers_{0};
    std::atomic<uint64_t> claim_{0};
    std::atomic<uint32_t> generation_{0};
    std::atomic<uint32_t> done_{0};
    std::atomic<int> sleepers_{0};
    std::atomic<bool> callerWaiting_{false};
};

}  // namespace

namespace detail {

void runParallel(int64_t count, void (*body)(void*, int64_t), void* context) {
    WorkPool::instance().run(count, threadCount(), body, context);
}

}  // namespace detail

}  // namespace shufflescope
