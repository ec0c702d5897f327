// An avatar build job as a Redis Stream entry and back (version 1). Takes a BuildJob (the frame,
// already wearing the person's face, the person's pose and that face's tag) plus who sent it;
// gives the entry's fields: "v", "person", "origin", "face" (the job's face_tag: the face the
// photo wears, stored with the avatar), "enqueued_ms", "image" (a JPEG of the person's region of
// the frame, quality 95: the builder's crop margin around the landmarks) and "pose" (JSON: box,
// score, 33 image landmarks shifted into that region, 33 world landmarks and, when the mirror knows
// its camera's mount, "floor_camera": [height_m, fy_px, cy_px in the region, tilt_deg]).
// decode_job() gives the job back with its image and pose in the region's pixels; it throws
// JobError (one line naming the field) for a missing field, an unknown version or an unreadable
// image, so a bad entry is dead-lettered, never built.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "jobs/build_job.hpp"

namespace am {

struct JobError : Error {
  using Error::Error;
};

inline constexpr int kJobVersion = 1;

struct JobInfo {
  std::string origin;  // the mirror that asked for it
  std::int64_t enqueued_ms = 0;
};

using JobFields = std::vector<std::pair<std::string, std::string>>;

JobFields encode_job(const BuildJob& job, const JobInfo& info);

struct DecodedJob {
  BuildJob job;
  JobInfo info;
};

DecodedJob decode_job(const std::map<std::string, std::string>& fields);

}  // namespace am
