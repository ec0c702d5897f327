// One function per subcommand. Each takes the effective config and its own options, returns the
// process exit status, and throws am::Error (one actionable line) on failure.
#pragma once

#include "core/config.hpp"

namespace am {

int cmd_config(const Config& cfg);

}  // namespace am
