// SIGINT / SIGTERM turn into a flag that long-running commands poll, so they can stop cleanly
// (finish the current frame, close clients, flush) and exit 0.
#pragma once

namespace am {

void install_stop_handlers();
bool stop_requested();

}  // namespace am
