// The build job's wire format: a job survives encoding (image region and landmarks moved into
// it), and entries that are not ours, of another version or with a broken image are refused with
// a message naming the field.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "jobs/job_codec.hpp"

namespace am {
namespace {

BuildJob standing_person() {
  BuildJob job;
  job.person_id = 42;
  job.image = cv::Mat(720, 1280, CV_8UC3, cv::Scalar(60, 90, 120));
  cv::rectangle(job.image, cv::Rect(600, 100, 80, 500), cv::Scalar(20, 200, 40), cv::FILLED);
  for (int i = 0; i < kLandmarkCount; ++i) {
    job.person.landmarks[i] = {600.0f + 2 * i, 100.0f + 15 * i, 0.1f * i, 0.9f, 0.8f};
    job.person.world_landmarks[i] = {0.01f * i, -0.02f * i, 0.03f, 0.9f, 0.8f};
  }
  job.person.box = {600, 100, 64, 480};
  job.person.score = 0.97f;
  return job;
}

std::map<std::string, std::string> as_map(const JobFields& fields) {
  return {fields.begin(), fields.end()};
}

TEST(JobCodec, RoundTripKeepsThePersonTheirPoseAndTheirPixels) {
  BuildJob job = standing_person();
  job.face_tag = "swap crc32=0badf00d blend=feathered keep_mouth=true keep_eyes=false";
  const DecodedJob back = decode_job(as_map(encode_job(job, {"hall:8765", 1234})));
  EXPECT_EQ(back.job.person_id, 42);
  EXPECT_EQ(back.info.origin, "hall:8765");
  EXPECT_EQ(back.job.face_tag, job.face_tag) << "the face the photo wears, stored with the avatar";
  EXPECT_EQ(back.info.enqueued_ms, 1234);
  ASSERT_FALSE(back.job.image.empty());
  EXPECT_LT(back.job.image.cols, job.image.cols) << "only the person's region travels";
  EXPECT_FLOAT_EQ(back.job.person.score, 0.97f);
  // Landmark 10 sits on the green bar in both images.
  const PoseLandmark& l = back.job.person.landmarks[10];
  const cv::Vec3b there = back.job.image.at<cv::Vec3b>(cvRound(l.y), cvRound(l.x));
  EXPECT_NEAR(there[1], 200, 12);
  EXPECT_FLOAT_EQ(back.job.person.landmarks[10].z, job.person.landmarks[10].z);
  EXPECT_FLOAT_EQ(back.job.person.world_landmarks[32].y, job.person.world_landmarks[32].y);
  EXPECT_FLOAT_EQ(back.job.person.landmarks[5].visibility, 0.9f);
}

// The floor camera travels with the job, its principal row moved into the person's region, so the
// worker sees the soles and the head at the same angles as the mirror's camera.
TEST(JobCodec, TheFloorCameraTravelsWithItsRowMovedIntoTheRegion) {
  BuildJob job = standing_person();
  EXPECT_FALSE(decode_job(as_map(encode_job(job, {"hall", 1}))).job.floor_camera)
      << "a mirror without a known mount sends none";
  job.floor_camera = avatar::FloorCamera{1.2f, 1108.5f, 360.0f, 5.0f};
  const JobFields fields = encode_job(job, {"hall", 1});
  const DecodedJob back = decode_job(as_map(fields));
  ASSERT_TRUE(back.job.floor_camera);
  const float shift = job.person.landmarks[10].y - back.job.person.landmarks[10].y;
  EXPECT_GT(shift, 0.0f) << "the region starts below the frame's top";
  EXPECT_FLOAT_EQ(back.job.floor_camera->cy_px, 360.0f - shift);
  EXPECT_FLOAT_EQ(back.job.floor_camera->height_m, 1.2f);
  EXPECT_FLOAT_EQ(back.job.floor_camera->fy_px, 1108.5f);
  EXPECT_FLOAT_EQ(back.job.floor_camera->pitch_deg, 5.0f);
}

TEST(JobCodec, RefusesForeignOldAndBrokenEntries) {
  auto fields = as_map(encode_job(standing_person(), {"a", 1}));
  auto without = fields;
  without.erase("pose");
  EXPECT_THROW(
      {
        try {
          decode_job(without);
        } catch (const JobError& e) {
          EXPECT_NE(std::string(e.what()).find("\"pose\""), std::string::npos) << e.what();
          throw;
        }
      },
      JobError);
  auto old = fields;
  old["v"] = "0";
  EXPECT_THROW(decode_job(old), JobError);
  auto broken = fields;
  broken["image"] = "not a jpeg";
  EXPECT_THROW(decode_job(broken), JobError);
  auto bad_pose = fields;
  bad_pose["pose"] = R"({"box": [1, 2, 3, 4], "score": 1, "landmarks": [], "world": []})";
  EXPECT_THROW(decode_job(bad_pose), JobError);
}

}  // namespace
}  // namespace am
