// `avatar-mirror run`: the whole mirror (DESIGN.md §1). A capture thread feeds the newest frame
// to the perception loop (pose for every person, faces every few frames, tracker), which streams
// a pose_update per frame, sends person_left when someone is gone, and hands people who pass the
// quality gate to the avatar workers; a returning visitor's avatar comes from the cache at once.
// The live path never waits for a build, the cache or a client. run() returns at the end of a
// file (after finishing the builds in progress) or on SIGINT/SIGTERM, with exit status 0.
#pragma once

#include <memory>
#include <string>

#include "core/config.hpp"

namespace am {

struct PipelineOptions {
  std::string source;       // empty: the configured camera
  int64_t max_frames = -1;  // -1: until the source ends or a stop signal
  bool loop = false;        // start a finished video over
  std::string record;       // non-empty: write the mirror view (face swapped, skeleton) here
  bool preview = false;     // show the mirror view in a window
};

class Pipeline {
 public:
  Pipeline(const Config& cfg, PipelineOptions options);
  ~Pipeline();
  int run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace am
