// A test person for the Godot clients: announces an avatar (.glb with the given bind pose) as
// person 1 and streams it waving its arm at 30 pose_updates/s for as long as the object lives.
// `offset` shifts the joint positions sent (the bones are unaffected). Header-only.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "core/clock.hpp"
#include "stream/server.hpp"
#include "support/synthetic_pose.hpp"

namespace am::test {

class WavingPerson {
 public:
  WavingPerson(StreamServer& server, const std::filesystem::path& glb, BindPose bind,
               const Eigen::Vector3d& offset = Eigen::Vector3d::Zero())
      : server_(server), bind_(std::move(bind)), offset_(offset) {
    NewCharacter nc;
    nc.person_id = 1;
    nc.mesh_path = glb.string();
    nc.skeleton_data = skeleton_data(bind_);
    server_.send_new_character(nc);
    thread_ = std::thread([this] { run(); });
  }
  ~WavingPerson() {
    stop_ = true;
    thread_.join();
  }
  WavingPerson(const WavingPerson&) = delete;
  WavingPerson& operator=(const WavingPerson&) = delete;

 private:
  void run() {
    std::array<double, 33> confidence;
    confidence.fill(0.9);
    for (int i = 0; !stop_; ++i) {
      Landmarks pose = posed_landmarks(bind_, wave_rotations(i / 45.0));
      const BoneQuats bones = bone_rotations(bind_, pose);
      for (auto& p : pose) p += offset_;
      const double now = monotonic_ms();
      server_.broadcast_pose({{{1, true, joints_from_landmarks(pose, confidence), 0.9, now,
                                bones_from_rotations(bones)}}});
      std::this_thread::sleep_for(std::chrono::milliseconds(33));
    }
  }

  StreamServer& server_;
  BindPose bind_;
  Eigen::Vector3d offset_;
  std::atomic<bool> stop_ = false;
  std::thread thread_;
};

}  // namespace am::test
