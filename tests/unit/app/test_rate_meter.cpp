// RateMeter: windowed and overall event rates from caller-supplied timestamps.
#include <gtest/gtest.h>

#include "app/rate_meter.hpp"

namespace am {
namespace {

TEST(RateMeter, ReportsOncePerWindowAtTheTrueRate) {
  RateMeter meter(1000.0);
  int reports = 0;
  for (int i = 0; i <= 90; ++i) {  // 30 events per second for 3 seconds
    if (auto rate = meter.tick(i * 1000.0 / 30.0)) {
      ++reports;
      EXPECT_NEAR(*rate, 30.0, 0.01);
    }
  }
  EXPECT_EQ(reports, 3);
  EXPECT_EQ(meter.total(), 91);
  EXPECT_NEAR(meter.overall_rate(3000.0), 30.0, 0.01);
}

TEST(RateMeter, NoRateBeforeTwoEvents) {
  RateMeter meter;
  EXPECT_FALSE(meter.tick(5.0).has_value());
  EXPECT_EQ(meter.overall_rate(5.0), 0.0);
}

}  // namespace
}  // namespace am
