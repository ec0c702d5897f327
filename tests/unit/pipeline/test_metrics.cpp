// Metrics: Prometheus text carries every series, the status line the headline numbers.
#include <gtest/gtest.h>

#include "pipeline/metrics.hpp"

namespace am {
namespace {

TEST(Metrics, PrometheusTextHasTypedSeries) {
  Metrics m;
  m.frames = 42;
  for (int i = 0; i < 30; ++i) m.frame_interval_ms.add(33.3);
  m.latency_ms.add(12.0);
  const std::string text = m.prometheus();
  EXPECT_NE(text.find("# TYPE avatar_mirror_frames_total counter\navatar_mirror_frames_total 42"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("avatar_mirror_latency_ms{quantile=\"0.95\"} 12"), std::string::npos);
  EXPECT_NEAR(m.fps(), 30.0, 0.1);
}

TEST(Metrics, StatusLineShowsRateAndLatency) {
  Metrics m;
  for (int i = 0; i < 10; ++i) m.frame_interval_ms.add(40.0);
  m.latency_ms.add(20.0);
  m.people = 2;
  const std::string line = m.status_line();
  EXPECT_NE(line.find("25.0 fps"), std::string::npos) << line;
  EXPECT_NE(line.find("2 people"), std::string::npos) << line;
  EXPECT_NE(line.find("p95 20 ms"), std::string::npos) << line;
}

}  // namespace
}  // namespace am
