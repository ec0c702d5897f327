// VMC output: the handedness conversion, the rotations a T-pose humanoid receiver applies (its
// forward kinematics must point every bone along the live pose), and real UDP datagrams.
#include <gtest/gtest.h>

#include <boost/asio.hpp>

#include "stream/osc.hpp"
#include "stream/vmc.hpp"
#include "stream/vmc_sender.hpp"
#include "support/synthetic_pose.hpp"

namespace am {
namespace {

using Eigen::Quaterniond;
using Eigen::Vector3d;

TEST(Vmc, UnityConversionIsAMirrorThatKeepsRotationsConsistent) {
  for (int i = 0; i < 20; ++i) {
    const Quaterniond q = Quaterniond::UnitRandom();
    const Vector3d v = Vector3d::Random();
    EXPECT_LT((godot_to_unity(q) * godot_to_unity(v) - godot_to_unity(q * v)).norm(), 1e-12);
  }
  EXPECT_EQ(godot_to_unity(Vector3d(1, 2, 3)), Vector3d(-1, 2, 3));
}

// A receiver's forward kinematics: T-pose rest is the identity, global = parent * local.
std::array<Quaterniond, kBoneCount> receiver_globals(const VmcPose& pose) {
  std::array<Quaterniond, kBoneCount> global;
  for (int b = 0; b < kBoneCount; ++b) {
    const auto parent = bone_parent(Bone(b));
    global[b] = (parent ? global[int(*parent)] : Quaterniond::Identity()) * pose[b].rotation;
  }
  return global;
}

TEST(Vmc, AT_PoseReceiverPointsEveryBoneAlongTheLivePose) {
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  for (const double t : {0.0, 0.4, 1.3}) {
    const BoneQuats local =
        bone_rotations(bind, test::posed_landmarks(bind, test::wave_rotations(t)));
    const PosedSkeleton live = forward_kinematics(bind, local);
    const auto global = receiver_globals(vmc_pose(bind, local));
    for (int b = 0; b < kBoneCount; ++b) {
      const Vector3d expected = godot_to_unity(Vector3d(live.global[b] * Vector3d::UnitY()));
      const Vector3d actual = global[b] * godot_to_unity(tpose_direction(Bone(b)));
      EXPECT_LT((actual - expected).norm(), 1e-6) << bone_name(Bone(b)) << " t=" << t;
    }
  }
}

TEST(Vmc, BindPoseArmsPointSidewaysAndHipsStandAboveTheGround) {
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  BoneQuats identity;
  identity.fill(Quaterniond::Identity());
  const VmcPose pose = vmc_pose(bind, identity);
  EXPECT_LT(pose[int(Bone::LeftUpperArm)].rotation.angularDistance(Quaterniond::Identity()), 1e-9);
  EXPECT_LT(pose[int(Bone::RightLowerArm)].rotation.angularDistance(Quaterniond::Identity()), 1e-9);
  EXPECT_GT(pose[int(Bone::Hips)].position.y(), 0.7);
  EXPECT_LT(pose[int(Bone::LeftUpperArm)].position.x(), 0.0) << "Unity: the left arm is at -X";
}

TEST(Vmc, SenderDeliversOneDecodableBundlePerFrameOverUdp) {
  boost::asio::io_context ioc;
  boost::asio::ip::udp::socket receiver(
      ioc, boost::asio::ip::udp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  const BindPose bind = make_bind_pose(test::tpose_mediapipe());
  const BoneQuats local =
      bone_rotations(bind, test::posed_landmarks(bind, test::wave_rotations(0.7)));
  VmcSender sender({true, "127.0.0.1", receiver.local_endpoint().port()});
  sender.send_frame(bind, local);
  sender.send_frame(bind, local);

  std::string datagram(65536, '\0');
  const std::size_t n = receiver.receive(boost::asio::buffer(datagram));
  const auto messages = decode_osc_packet(std::string_view(datagram).substr(0, n));
  ASSERT_EQ(messages.size(), 3u + kBoneCount);
  EXPECT_EQ(messages[0], (OscMessage{"/VMC/Ext/OK", {1}}));
  EXPECT_EQ(messages[1].address, "/VMC/Ext/T");
  EXPECT_EQ(messages[2].address, "/VMC/Ext/Root/Pos");
  EXPECT_EQ(std::get<std::string>(messages[2].arguments[0]), "root");
  const VmcPose expected = vmc_pose(bind, local);
  for (int b = 0; b < kBoneCount; ++b) {
    const OscMessage& m = messages[3 + b];
    ASSERT_EQ(m.address, "/VMC/Ext/Bone/Pos");
    ASSERT_EQ(m.arguments.size(), 8u);
    EXPECT_EQ(std::get<std::string>(m.arguments[0]), bone_name(Bone(b)));
    const Quaterniond& q = expected[b].rotation;
    const double sent[4] = {q.x(), q.y(), q.z(), q.w()};
    for (int k = 0; k < 4; ++k)
      EXPECT_FLOAT_EQ(std::get<float>(m.arguments[4 + k]), float(sent[k]));
    EXPECT_FLOAT_EQ(std::get<float>(m.arguments[1]), float(expected[b].position.x()));
  }
  EXPECT_GT(receiver.receive(boost::asio::buffer(datagram)), 0u) << "the second frame arrives";
  EXPECT_EQ(sender.sent(), 2u);
  EXPECT_EQ(sender.dropped(), 0u);
}

}  // namespace
}  // namespace am
