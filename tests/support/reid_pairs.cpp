#include "support/reid_pairs.hpp"

#include <algorithm>
#include <cmath>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "models/registry.hpp"
#include "pipeline/person_evidence.hpp"
#include "pipeline/pipeline_settings.hpp"
#include "support/testdata.hpp"

namespace am::test {
namespace {

using tracking::BodyAppearance;
using tracking::FaceSample;

cv::Mat apply_look(const cv::Mat& frame, Look look) {
  cv::Mat out;
  if (look == Look::Mirrored) cv::flip(frame, out, 1);
  if (look == Look::Plain) out = frame;
  if (look == Look::Relit) {
    // Dimmer, warmer light: 65 % of the brightness with a gamma of 1.2, blue down a tenth.
    cv::Mat1b lut(1, 256);
    for (int i = 0; i < 256; ++i)
      lut(i) = cv::saturate_cast<uchar>(0.65 * 255 * std::pow(i / 255.0, 1.2));
    cv::LUT(frame, lut, out);
    std::vector<cv::Mat> channels;
    cv::split(out, channels);
    channels[0] *= 0.9;
    cv::merge(channels, out);
  }
  return out;
}

bool is_photo(const std::string& file) { return file.find("video/") != 0; }

struct Outcome {
  bool matched = false;
  tracking::IdentityDecision decision;  // the matching one, else the last one
};

// The known identity as the gallery holds it after its whole visit, then the new track's
// decisions at min_body_frames frames and every doubling, as the tracker makes them.
Outcome decide_pair(const std::vector<FrameEvidence>& known,
                    const std::vector<FrameEvidence>& probe,
                    const tracking::IdentityOptions& options) {
  const tracking::IdentityEvidence all = prefix(known, known.size());
  std::vector<FaceEmbedding> faces;
  if (all.face.quality >= options.clear_face_quality) faces.push_back(all.face.embedding);
  const std::vector<tracking::KnownIdentity> gallery = {{1, &faces, &*all.body, 0}};
  Outcome out;
  for (std::size_t n = options.min_body_frames;; n *= 2) {
    out.decision = tracking::decide_identity(prefix(probe, n), gallery, 0, options);
    if (out.decision.id == 1) return {true, out.decision};
    if (n >= probe.size()) return out;
  }
}

}  // namespace

EvidenceExtractor::EvidenceExtractor(const Config& cfg)
    : pose_(models_dir(cfg), pose_options(cfg, true), session_options(cfg)),
      faces_(models_dir(cfg), FaceBoxOptions{}, session_options(cfg)),
      far_faces_(models_dir(cfg), BlazeFaceOptions{}, session_options(cfg)),
      embedder_(models_dir(cfg) / kFaceFeatureModelFile, session_options(cfg)) {}

std::vector<FrameEvidence> EvidenceExtractor::gather(const Subject& s) {
  return is_photo(s.file) ? photo(s) : video(s);
}

FrameEvidence EvidenceExtractor::evidence(const cv::Mat& frame, const PoseObservation& p) {
  return {face_sample(frame, p, faces_, embedder_, &far_faces_), body_appearance(frame, p)};
}

// A still photo counts as kStillFrames identical frames (someone standing still).
std::vector<FrameEvidence> EvidenceExtractor::photo(const Subject& s) {
  static constexpr int kStillFrames = 5;
  const cv::Mat frame = apply_look(cv::imread(testdata(s.file).string()), s.look);
  auto persons = pose_.process(frame, 0, false);
  std::sort(persons.begin(), persons.end(),
            [](const auto& a, const auto& b) { return a.box.x < b.box.x; });
  if (s.look == Look::Mirrored) std::reverse(persons.begin(), persons.end());
  if (s.index >= static_cast<int>(persons.size())) return {};
  return std::vector<FrameEvidence>(kStillFrames, evidence(frame, persons[s.index]));
}

// The largest person of every step-th frame.
std::vector<FrameEvidence> EvidenceExtractor::video(const Subject& s) {
  cv::VideoCapture capture(testdata(s.file).string());
  const double fps = capture.get(cv::CAP_PROP_FPS);
  capture.set(cv::CAP_PROP_POS_FRAMES, s.first);
  pose_.reset();
  std::vector<FrameEvidence> out;
  cv::Mat raw;
  for (int i = s.first; i < s.last && capture.read(raw); ++i) {
    if ((i - s.first) % s.step != 0) continue;
    const cv::Mat frame = apply_look(raw, s.look);
    const auto persons = pose_.process(frame, 1000.0 * i / fps, true);
    const auto largest = std::max_element(persons.begin(), persons.end(), [](auto& a, auto& b) {
      return a.box.area() < b.box.area();
    });
    if (largest != persons.end()) out.push_back(evidence(frame, *largest));
  }
  return out;
}

// The evidence of the first n frames, as a track holds it.
tracking::IdentityEvidence prefix(const std::vector<FrameEvidence>& frames, std::size_t n) {
  std::vector<FaceSample> best;
  BodyAppearance body;
  for (std::size_t i = 0; i < n && i < frames.size(); ++i) {
    if (frames[i].face) tracking::keep_best_face(best, *frames[i].face);
    tracking::accumulate(body, frames[i].body);
  }
  return {tracking::aggregate_faces(best), body};
}

std::vector<Subject> reid_subjects(bool quick) {
  const std::string mm = "video/mmhuman3d_single_person.mp4";
  const std::string snap = "video/peoplesnapshot_female-1-casual.mp4";
  const std::string intel = "video/intel_one-by-one-person-detection.mp4";
  std::vector<Subject> out = {
      {"basketball pass 1", "basketball", mm, 0, 40},
      {"basketball pass 2", "basketball", mm, 0, 40},
      {"basketball 1st half", "basketball", mm, 0, 20},
      {"basketball 2nd half", "basketball", mm, 20, 40},
      {"basketball mirrored", "basketball", mm, 0, 40, 1, Look::Mirrored},
      {"basketball re-lit", "basketball", mm, 0, 40, 1, Look::Relit},
      {"snapshot 0-6s", "snapshot", snap, 0, 150, 5},
      {"snapshot 12-18s", "snapshot", snap, 300, 450, 5},
      {"snapshot re-lit 24-30s", "snapshot", snap, 600, 750, 5, Look::Relit},
  };
  // The six visitors of the Intel clip (10 fps), each in two halves of their visit.
  const std::vector<std::pair<std::string, std::pair<int, int>>> visits = {
      {"intel A", {60, 200}},  {"intel B", {227, 450}},  {"intel C", {502, 700}},
      {"intel D", {745, 870}}, {"intel E", {921, 1201}}, {"intel F", {1235, 1363}}};
  for (const auto& [name, span] : visits) {
    const int mid = (span.first + span.second) / 2;
    out.push_back({name + " 1st half", name, intel, span.first, mid, 3});
    out.push_back({name + " 2nd half mirrored", name, intel, mid, span.second, 3, Look::Mirrored});
  }
  const std::vector<std::pair<std::string, std::string>> photos = {
      {"faces/fr_obama.jpg", "obama"},
      {"faces/fr_obama3.jpg", "obama"},
      {"faces/fr_biden.jpg", "biden"},
      {"full_body/sith_002.png", "sith_002"},
      {"full_body/sith_007.png", "sith_007"},
      {"full_body/sith_010.png", "sith_010"},
      {"full_body/pifu_ryota.png", "ryota"},
      {"full_body/pifuhd_test.png", "pifuhd"},
      {"full_body/tfex_yoga_tree_pose.jpeg", "yoga"},
      {"keypoints/coco_000000000785.jpg", "skier"},
      {"keypoints/tfex_businessman.jpg", "businessman"},
      {"keypoints/lsp_im1010.jpg", "lsp"},
      {"segmentation/rembg_girl-1.jpg", "rembg_girl"},
      {"segmentation/bgm_0001_img.png", "bgm"}};
  for (const auto& [file, person] : photos) {
    out.push_back({file, person, file});
    if (!quick) {
      out.push_back({file + " mirrored", person, file, 0, 0, 1, Look::Mirrored});
      out.push_back({file + " re-lit", person, file, 0, 0, 1, Look::Relit});
    }
  }
  out.push_back({"two_people left", "obama", "faces/fr_two_people.jpg", 0, 0, 1, Look::Plain, 0});
  out.push_back({"two_people right", "biden", "faces/fr_two_people.jpg", 0, 0, 1, Look::Plain, 1});
  return out;
}

std::vector<PairResult> decide_pairs(const std::vector<Subject>& s,
                                     const std::vector<std::vector<FrameEvidence>>& ev,
                                     const tracking::IdentityOptions& options) {
  std::vector<PairResult> out;
  for (std::size_t k = 0; k < s.size(); ++k)
    for (std::size_t p = 0; p < s.size(); ++p) {
      if (k == p || ev[k].empty() || ev[p].empty()) continue;
      const Outcome o = decide_pair(ev[k], ev[p], options);
      out.push_back({k, p, s[k].person == s[p].person, o.matched, o.decision,
                     tracking::body_distance(*prefix(ev[k], ev[k].size()).body,
                                             *prefix(ev[p], ev[p].size()).body, options.distance)});
    }
  return out;
}

PairRates rates(const std::vector<PairResult>& pairs) {
  PairRates r;
  for (const auto& pair : pairs) {
    (pair.same ? r.same : r.different) += 1;
    (pair.same ? r.returned : r.false_matches) += pair.matched ? 1 : 0;
  }
  return r;
}

}  // namespace am::test
