// The re-identification pair measure shared by the am_reid_pairs tool and its integration test:
// the test people (videos in segments, photos; plain, mirrored and re-lit copies), each one's
// per-frame evidence gathered with the real models (BlazePose with its mask, the face detector
// and embedder, pipeline/person_evidence.hpp), and for every ordered pair of them (one as the
// known identity after its whole visit, the other as a new track) whether decide_identity()
// returns the track as that identity, the way the tracker asks: after min_body_frames frames and
// again at every doubling. Test data from AVATAR_MIRROR_TESTDATA or ../shared/testdata.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "perception/face/blazeface_detector.hpp"
#include "perception/face/face_detector.hpp"
#include "perception/face/face_embedder.hpp"
#include "perception/pose/pose_tracker.hpp"
#include "tracking/identity_decision.hpp"

namespace am::test {

enum class Look { Plain, Mirrored, Relit };

struct Subject {
  std::string name;                   // unique, for the table
  std::string person;                 // same string: same person
  std::string file;                   // under the test data folder
  int first = 0, last = 0, step = 1;  // frames [first, last) of a video, every step-th
  Look look = Look::Plain;
  int index = 0;  // photos: which person, left to right
};

struct FrameEvidence {
  std::optional<tracking::FaceSample> face;
  tracking::BodyAppearance body;
};

// quick: without the mirrored and re-lit copies of the photos.
std::vector<Subject> reid_subjects(bool quick);

// Loads the models named by the config once.
class EvidenceExtractor {
 public:
  explicit EvidenceExtractor(const Config& cfg);
  // One entry per frame the person was found in (a photo counts as 5 identical frames).
  std::vector<FrameEvidence> gather(const Subject& s);

 private:
  FrameEvidence evidence(const cv::Mat& frame, const PoseObservation& p);
  std::vector<FrameEvidence> photo(const Subject& s);
  std::vector<FrameEvidence> video(const Subject& s);

  PoseTracker pose_;
  FaceDetector faces_;
  BlazeFaceDetector far_faces_;
  FaceEmbedder embedder_;
};

// The evidence of the first n frames, as a track holds it.
tracking::IdentityEvidence prefix(const std::vector<FrameEvidence>& frames, std::size_t n);

struct PairResult {
  std::size_t known = 0, probe = 0;             // subject indices
  bool same = false;                            // the same person
  bool matched = false;                         // returned as the known identity
  tracking::IdentityDecision decision;          // the matching one, else the last one
  std::optional<tracking::BodyDistance> whole;  // body distance of the two whole visits
};

std::vector<PairResult> decide_pairs(const std::vector<Subject>& subjects,
                                     const std::vector<std::vector<FrameEvidence>>& evidence,
                                     const tracking::IdentityOptions& options);

struct PairRates {
  int same = 0, returned = 0, different = 0, false_matches = 0;
};

PairRates rates(const std::vector<PairResult>& pairs);

}  // namespace am::test
