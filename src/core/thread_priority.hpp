// Scheduling priority of the calling thread (Linux: per-thread nice values). Takes a nice value
// (0 normal, 19 lowest); lowers the calling thread only, never the process or other threads. A
// refusal by the system is logged as a warning naming the cause; the thread then keeps running at
// its priority (background work merely competes with the live path as before).
#pragma once

namespace am {

// Background work (avatar builds and refinements) yields the cores to the live path.
inline constexpr int kBackgroundNice = 10;

void set_current_thread_nice(int nice);

// The calling thread's nice value.
int current_thread_nice();

}  // namespace am
