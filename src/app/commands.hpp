// One function per subcommand. Each takes the effective config and its own options, returns the
// process exit status, and throws am::Error (one actionable line) on failure.
#pragma once

#include <cstdint>
#include <string>

#include "app/batch_input.hpp"
#include "core/config.hpp"

namespace am {

struct RunOptions {
  std::string source;       // empty: the configured camera
  int64_t max_frames = -1;  // -1: until the source ends or a stop signal
  bool loop = false;        // start a finished video over
  std::string record;       // write the mirror view (face swapped, skeleton) to this file
  bool preview = false;     // show the mirror view in a window
};

struct ModelsOptions {
  std::string action;  // fetch | list | verify | convert
  std::string input;   // convert: the .tflite
  std::string output;  // convert: the .onnx to write
};

struct SegmentCommand {
  std::string image;
  std::string mask_out;
  std::string cutout_out;  // empty: no cut-out
};

struct SwapFaceCommand {
  std::string source;    // the face to put on every face not in the face map
  std::string face_map;  // ID=PHOTO,...: a face per face id (empty: face_swap.face_map)
  std::string target;    // image, folder or video
  std::string out;       // image or video to write
  std::string draw_out;  // before/after pictures (empty: none)
};

struct WorkerCommand {
  std::string name;       // empty: host-pid
  int64_t max_jobs = -1;  // -1: until a stop signal
};

int cmd_config(const Config& cfg);
int cmd_worker(const Config& cfg, const WorkerCommand& opts);
int cmd_swap_face(const Config& cfg, const SwapFaceCommand& opts);
int cmd_segment(const Config& cfg, const SegmentCommand& opts);
int cmd_models(const Config& cfg, const ModelsOptions& opts);
int cmd_run(const Config& cfg, const RunOptions& opts);
int cmd_info(const Config& cfg);
int cmd_faces(const Config& cfg, const BatchOptions& opts);
int cmd_pose(const Config& cfg, const BatchOptions& opts);

}  // namespace am
