// Re-identification pair table (docs/tracking.md): gathers each test person's evidence with the
// real models (BlazePose with its mask, the face detector and embedder, person_evidence.hpp) from
// the test videos and photos, then for every ordered pair (one as the known identity, the other as
// a new track) asks decide_identity() whether the track returns as that identity, the way the
// tracker does: after min_body_frames frames and again at every doubling. Different people
// matched: false matches; the same person (other segment of a clip, mirrored or re-lit copy, the
// same clip again, another photo) matched: true returns. Prints both rates at the configured
// thresholds and how they move with the body threshold.
//   am_reid_pairs [--config FILE] [--quick] [--pairs]
// Models from the config (models.dir); test data from AVATAR_MIRROR_TESTDATA or ../shared/testdata.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "core/config.hpp"
#include "models/registry.hpp"
#include "perception/pose_tracker.hpp"
#include "pipeline/person_evidence.hpp"
#include "pipeline/pipeline_settings.hpp"
#include "support/testdata.hpp"
#include "tracking/identity_decision.hpp"

namespace {

using namespace am;
using tracking::BodyAppearance;
using tracking::FaceSample;

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
  std::optional<FaceSample> face;
  BodyAppearance body;
};

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

class Extractor {
 public:
  explicit Extractor(const Config& cfg)
      : pose_(models_dir(cfg), pose_options(cfg, true), session_options(cfg)),
        faces_(models_dir(cfg), FaceBoxOptions{}, session_options(cfg)),
        embedder_(models_dir(cfg) / kFaceFeatureModelFile, session_options(cfg)) {}

  std::vector<FrameEvidence> gather(const Subject& s) {
    return is_photo(s.file) ? photo(s) : video(s);
  }

 private:
  FrameEvidence evidence(const cv::Mat& frame, const PoseObservation& p) {
    return {face_sample(frame, p, faces_, embedder_), body_appearance(frame, p)};
  }

  // A still photo counts as kStillFrames identical frames (someone standing still).
  std::vector<FrameEvidence> photo(const Subject& s) {
    static constexpr int kStillFrames = 5;
    const cv::Mat frame = apply_look(cv::imread(test::testdata(s.file).string()), s.look);
    auto persons = pose_.process(frame, 0, false);
    std::sort(persons.begin(), persons.end(),
              [](const auto& a, const auto& b) { return a.box.x < b.box.x; });
    if (s.look == Look::Mirrored) std::reverse(persons.begin(), persons.end());
    if (s.index >= static_cast<int>(persons.size())) return {};
    return std::vector<FrameEvidence>(kStillFrames, evidence(frame, persons[s.index]));
  }

  // The largest person of every step-th frame.
  std::vector<FrameEvidence> video(const Subject& s) {
    cv::VideoCapture capture(test::testdata(s.file).string());
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

  PoseTracker pose_;
  FaceDetector faces_;
  FaceEmbedder embedder_;
};

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

std::vector<Subject> subjects(bool quick) {
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

struct Rates {
  int same = 0, returned = 0, different = 0, false_matches = 0;
  float closest_different = 1e9f;  // whole visits' body distance
  std::string closest;
};

Rates count(const std::vector<Subject>& s, const std::vector<std::vector<FrameEvidence>>& ev,
            const tracking::IdentityOptions& options, bool print) {
  Rates r;
  for (std::size_t k = 0; k < s.size(); ++k)
    for (std::size_t p = 0; p < s.size(); ++p) {
      if (k == p || ev[k].empty() || ev[p].empty()) continue;
      const Outcome o = decide_pair(ev[k], ev[p], options);
      const bool same = s[k].person == s[p].person;
      (same ? r.same : r.different) += 1;
      (same ? r.returned : r.false_matches) += o.matched ? 1 : 0;
      const auto whole = tracking::body_distance(
          *prefix(ev[k], ev[k].size()).body, *prefix(ev[p], ev[p].size()).body, options.distance);
      const float total = whole ? whole->total : -1;
      if (!same && whole && total < r.closest_different) {
        r.closest_different = total;
        r.closest = s[k].name + " / " + s[p].name + " (colour " + std::to_string(whole->colour) +
                    ", proportions " + std::to_string(whole->proportion) + ")";
      }
      if (print && (same || o.matched || (total >= 0 && total < 1.5f * options.body_threshold)))
        std::printf("| %s | %s | %s | %.2f | %.2f | %.2f (%.2f, %.2f) | %s |\n", s[k].name.c_str(),
                    s[p].name.c_str(), same ? "same" : "different", o.decision.face_similarity,
                    o.decision.body_distance, total, whole ? whole->colour : -1,
                    whole ? whole->proportion : -1,
                    o.matched ? tracking::to_string(o.decision.basis) : "no");
    }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false, pairs = false;
  ConfigSources sources;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--quick"))
      quick = true;
    else if (!std::strcmp(argv[i], "--pairs"))
      pairs = true;
    else if (!std::strcmp(argv[i], "--config") && i + 1 < argc)
      sources.user_file = argv[++i];
    else {
      std::fprintf(stderr, "usage: am_reid_pairs [--config FILE] [--quick] [--pairs]\n");
      return 2;
    }
  }
  const Config cfg = load_config(sources);
  const tracking::IdentityOptions options = identity_options(cfg);
  Extractor extractor(cfg);
  const std::vector<Subject> list = subjects(quick);
  std::vector<std::vector<FrameEvidence>> evidence;
  for (const auto& s : list) {
    evidence.push_back(extractor.gather(s));
    int faces = 0;
    for (const auto& f : evidence.back()) faces += f.face ? 1 : 0;
    const auto all = prefix(evidence.back(), evidence.back().size());
    std::fprintf(stderr, "%-40s %3zu frames, %3d faces, best face quality %.2f\n", s.name.c_str(),
                 evidence.back().size(), faces, all.face.quality);
  }
  if (pairs)
    std::printf(
        "| known | new track | truth | face cosine | body distance at the decision | whole visits "
        "(colour, proportions) | returned |\n|---|---|---|---|---|---|---|\n");
  const Rates r = count(list, evidence, options, pairs);
  std::printf(
      "\nat the configured thresholds: true returns %d/%d (%.1f %%), false matches %d/%d "
      "(%.2f %%)\n",
      r.returned, r.same, 100.0 * r.returned / std::max(1, r.same), r.false_matches, r.different,
      100.0 * r.false_matches / std::max(1, r.different));
  std::printf("closest different people by body (whole visits): %.3f, %s\n", r.closest_different,
              r.closest.c_str());
  std::printf("\n| body_threshold | true returns | false matches |\n|---|---|---|\n");
  for (const float t : {0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.5f, 0.6f, 0.8f}) {
    tracking::IdentityOptions o = options;
    o.body_threshold = t;
    const Rates x = count(list, evidence, o, false);
    std::printf("| %.2f | %d/%d | %d/%d |\n", t, x.returned, x.same, x.false_matches, x.different);
  }
  return 0;
}
