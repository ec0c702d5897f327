#include <iostream>

#include "app/commands.hpp"

namespace am {

int cmd_config(const Config& cfg) {
  std::cout << describe_config(cfg);
  return 0;
}

}  // namespace am
