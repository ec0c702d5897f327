// Re-identification pair table (docs/tracking.md): every ordered pair of the test people
// (support/reid_pairs.hpp) decided with the real models. Different people matched: false matches;
// the same person (another segment of a clip, a mirrored or re-lit copy, the same clip again,
// another photo) matched: true returns. Prints both rates at the configured thresholds, how they
// move with each tracking.* identity threshold and, with --pairs, the table of pairs.
//   am_reid_pairs [--config FILE] [--quick] [--pairs]
// Models from the config (models.dir); test data from AVATAR_MIRROR_TESTDATA or ../shared/testdata.
#include <cstdio>
#include <cstring>
#include <initializer_list>

#include "pipeline/pipeline_settings.hpp"
#include "support/reid_pairs.hpp"

namespace {

using namespace am;

void print_pairs(const std::vector<test::Subject>& s, const std::vector<test::PairResult>& pairs,
                 float body_threshold) {
  std::printf(
      "| known | new track | truth | face cosine | body distance at the decision | whole visits "
      "(colour, proportions) | returned |\n|---|---|---|---|---|---|---|\n");
  for (const auto& p : pairs) {
    const float whole = p.whole ? p.whole->total : -1;
    if (!p.same && !p.matched && (whole < 0 || whole >= 1.5f * body_threshold)) continue;
    std::printf("| %s | %s | %s | %.2f | %.2f | %.2f (%.2f, %.2f) | %s |\n",
                s[p.known].name.c_str(), s[p.probe].name.c_str(), p.same ? "same" : "different",
                p.decision.face_similarity, p.decision.body_distance, whole,
                p.whole ? p.whole->colour : -1, p.whole ? p.whole->proportion : -1,
                p.matched ? tracking::to_string(p.decision.basis) : "no");
  }
}

void print_closest_strangers(const std::vector<test::Subject>& s,
                             const std::vector<test::PairResult>& pairs) {
  const test::PairResult* closest = nullptr;
  for (const auto& p : pairs)
    if (!p.same && p.whole && (!closest || p.whole->total < closest->whole->total)) closest = &p;
  if (closest)
    std::printf(
        "closest different people by body (whole visits): %.3f (colour %.3f, proportions "
        "%.3f), %s / %s\n",
        closest->whole->total, closest->whole->colour, closest->whole->proportion,
        s[closest->known].name.c_str(), s[closest->probe].name.c_str());
}

// The rates with one threshold moved through values, the others as configured.
void sweep(const std::vector<test::Subject>& list,
           const std::vector<std::vector<test::FrameEvidence>>& evidence,
           const tracking::IdentityOptions& options, const char* name,
           float tracking::IdentityOptions::*field, std::initializer_list<float> values) {
  std::printf("\n| %s | true returns | false matches |\n|---|---|---|\n", name);
  for (const float v : values) {
    tracking::IdentityOptions o = options;
    o.*field = v;
    const test::PairRates x = test::rates(test::decide_pairs(list, evidence, o));
    std::printf("| %.2f | %d/%d | %d/%d |\n", v, x.returned, x.same, x.false_matches, x.different);
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false, pairs = false;
  ConfigSources sources;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--quick")) {
      quick = true;
    } else if (!std::strcmp(argv[i], "--pairs")) {
      pairs = true;
    } else if (!std::strcmp(argv[i], "--config") && i + 1 < argc) {
      sources.user_file = argv[++i];
    } else {
      std::fprintf(stderr, "usage: am_reid_pairs [--config FILE] [--quick] [--pairs]\n");
      return 2;
    }
  }
  const Config cfg = load_config(sources);
  const tracking::IdentityOptions options = identity_options(cfg);
  test::EvidenceExtractor extractor(cfg);
  const std::vector<test::Subject> list = test::reid_subjects(quick);
  std::vector<std::vector<test::FrameEvidence>> evidence;
  for (const auto& s : list) {
    evidence.push_back(extractor.gather(s));
    int faces = 0;
    for (const auto& f : evidence.back()) faces += f.face ? 1 : 0;
    std::fprintf(stderr, "%-40s %3zu frames, %3d faces, best face quality %.2f\n", s.name.c_str(),
                 evidence.back().size(), faces,
                 test::prefix(evidence.back(), evidence.back().size()).face.quality);
  }
  const auto decided = test::decide_pairs(list, evidence, options);
  if (pairs) print_pairs(list, decided, options.body_threshold);
  const test::PairRates r = test::rates(decided);
  std::printf(
      "\nat the configured thresholds: true returns %d/%d (%.1f %%), false matches %d/%d "
      "(%.2f %%)\n",
      r.returned, r.same, 100.0 * r.returned / std::max(1, r.same), r.false_matches, r.different,
      100.0 * r.false_matches / std::max(1, r.different));
  print_closest_strangers(list, decided);
  sweep(list, evidence, options, "body_threshold", &tracking::IdentityOptions::body_threshold,
        {0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.5f, 0.6f, 0.8f});
  sweep(list, evidence, options, "body_margin", &tracking::IdentityOptions::body_margin,
        {0.0f, 0.05f, 0.1f, 0.15f, 0.2f, 0.3f});
  sweep(list, evidence, options, "clear_face_quality",
        &tracking::IdentityOptions::clear_face_quality, {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.7f});
  sweep(list, evidence, options, "face_threshold", &tracking::IdentityOptions::face_threshold,
        {0.3f, 0.4f, 0.45f, 0.5f, 0.6f});
  sweep(list, evidence, options, "face_veto", &tracking::IdentityOptions::face_veto,
        {-1.0f, 0.0f, 0.1f, 0.2f, 0.3f, 0.45f});
  return 0;
}
