// Re-identification on the real test people with the real models and the configured thresholds
// (support/reid_pairs.hpp; the full table with mirrored and re-lit photos is am_reid_pairs, see
// docs/tracking.md): no stranger is ever returned as someone else, and at least 90 % of the
// same-person pairs (another segment, a mirrored or re-lit copy, the same clip again, another
// photo) are recognised.
#include <gtest/gtest.h>

#include "pipeline/pipeline_settings.hpp"
#include "support/reid_pairs.hpp"

namespace am {
namespace {

TEST(ReidPairs, NoFalseMatchAndNineInTenReturnsOverTheTestPeople) {
  const Config cfg = load_config({});
  test::EvidenceExtractor extractor(cfg);
  const std::vector<test::Subject> subjects = test::reid_subjects(true);
  std::vector<std::vector<test::FrameEvidence>> evidence;
  for (const auto& s : subjects) evidence.push_back(extractor.gather(s));
  const auto pairs = test::decide_pairs(subjects, evidence, identity_options(cfg));
  const test::PairRates r = test::rates(pairs);
  for (const auto& p : pairs)
    EXPECT_FALSE(!p.same && p.matched)
        << subjects[p.probe].name << " was returned as " << subjects[p.known].name << " by "
        << tracking::to_string(p.decision.basis);
  ASSERT_GT(r.same, 40) << "the test people went missing (models or test data?)";
  ASSERT_GT(r.different, 1000);
  EXPECT_GE(r.returned, 0.9 * r.same) << r.returned << " of " << r.same << " returns";
  const auto basketball = std::find_if(pairs.begin(), pairs.end(), [&](const auto& p) {
    return subjects[p.known].name == "basketball pass 1" &&
           subjects[p.probe].name == "basketball pass 2";
  });
  ASSERT_NE(basketball, pairs.end());
  EXPECT_TRUE(basketball->matched) << "the issue's case: the same clip played again";
}

}  // namespace
}  // namespace am
