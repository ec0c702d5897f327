#include "core/thread_priority.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <spdlog/spdlog.h>

namespace am {

namespace {

id_t current_thread_id() { return static_cast<id_t>(syscall(SYS_gettid)); }

}  // namespace

void set_current_thread_nice(int nice) {
  if (setpriority(PRIO_PROCESS, current_thread_id(), nice) != 0)
    spdlog::warn("cannot set a worker thread's nice value to {}: {} (it keeps its priority)", nice,
                 std::strerror(errno));
}

int current_thread_nice() { return getpriority(PRIO_PROCESS, current_thread_id()); }

}  // namespace am
