// Error types every module throws. Each carries one line a user can act on: what failed,
// which file, key or device, and what to do about it.
#pragma once

#include <stdexcept>
#include <string>

namespace am {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ConfigError : Error {
  using Error::Error;
};

struct SourceError : Error {
  using Error::Error;
};

struct InferError : Error {
  using Error::Error;
};

}  // namespace am
