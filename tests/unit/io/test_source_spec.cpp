#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/source_spec.hpp"

namespace am {
namespace {

TEST(SourceSpec, CameraPrefixGivesIndexAndDevicePath) {
  SourceSpec spec = parse_source_spec("camera:2");
  EXPECT_EQ(spec.kind, SpecKind::CameraIndex);
  EXPECT_EQ(spec.camera_index, 2);
  EXPECT_EQ(spec.target, "/dev/video2");
}

TEST(SourceSpec, BareNumberIsACameraIndex) {
  SourceSpec spec = parse_source_spec("0");
  EXPECT_EQ(spec.kind, SpecKind::CameraIndex);
  EXPECT_EQ(spec.camera_index, 0);
  EXPECT_EQ(spec.target, "/dev/video0");
}

TEST(SourceSpec, DevVideoPathIsACameraDevice) {
  SourceSpec spec = parse_source_spec("/dev/video4");
  EXPECT_EQ(spec.kind, SpecKind::CameraDevice);
  EXPECT_EQ(spec.target, "/dev/video4");
  EXPECT_EQ(spec.camera_index, 4);
}

TEST(SourceSpec, UrlsAreStreams) {
  for (const char* url :
       {"rtsp://cam.local:554/live", "http://host/video.mjpg", "https://host/stream.m3u8"}) {
    SourceSpec spec = parse_source_spec(url);
    EXPECT_EQ(spec.kind, SpecKind::Stream) << url;
    EXPECT_EQ(spec.target, url);
  }
}

TEST(SourceSpec, AnythingElseIsAPath) {
  for (const char* path : {"clip.mp4", "/data/frames", "12abc", "./3", "camera0.png"}) {
    SourceSpec spec = parse_source_spec(path);
    EXPECT_EQ(spec.kind, SpecKind::Path) << path;
    EXPECT_EQ(spec.target, path);
  }
}

TEST(SourceSpec, MalformedCameraSpecThrowsNamingIt) {
  for (const char* bad : {"camera:", "camera:x", "camera:-1", "camera:1.5"}) {
    try {
      parse_source_spec(bad);
      ADD_FAILURE() << "no error for " << bad;
    } catch (const SourceError& error) {
      EXPECT_NE(std::string(error.what()).find(bad), std::string::npos) << error.what();
    }
  }
}

TEST(SourceSpec, ImageExtensionsAreRecognisedInAnyCase) {
  EXPECT_TRUE(has_image_extension("a/b/photo.JPG"));
  EXPECT_TRUE(has_image_extension("x.jpeg"));
  EXPECT_TRUE(has_image_extension("x.png"));
  EXPECT_TRUE(has_image_extension("x.Tiff"));
  EXPECT_TRUE(has_image_extension("x.webp"));
  EXPECT_FALSE(has_image_extension("clip.mp4"));
  EXPECT_FALSE(has_image_extension("notes.txt"));
  EXPECT_FALSE(has_image_extension("png"));
  EXPECT_FALSE(has_image_extension("folder.png/readme"));
}

}  // namespace
}  // namespace am
