// Named parts of MediaPipe's 468-point face mesh (indices from MediaPipe's
// face_mesh_connections): the face oval, the inner and outer lip contours, the two eye contours and
// the two brows, each an ordered polygon, plus the eye and mouth corners. "Left"
// is the subject's left (image right on a frontal face). Constants only.
#pragma once

#include <array>

namespace am {

inline constexpr int kMeshPointCount = 468;
inline constexpr int kMeshRightEyeOuter = 33;
inline constexpr int kMeshRightEyeInner = 133;
inline constexpr int kMeshLeftEyeOuter = 263;
inline constexpr int kMeshLeftEyeInner = 362;
inline constexpr int kMeshMouthRight = 61;  // outer lip corners, the subject's right and left
inline constexpr int kMeshMouthLeft = 291;

inline constexpr std::array<int, 36> kMeshFaceOval{
    10,  338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377,
    152, 148, 176, 149, 150, 136, 172, 58,  132, 93,  234, 127, 162, 21,  54,  103, 67,  109};

inline constexpr std::array<int, 20> kMeshInnerLips{78,  191, 80,  81,  82,  13, 312, 311, 310, 415,
                                                    308, 324, 318, 402, 317, 14, 87,  178, 88,  95};

inline constexpr std::array<int, 20> kMeshOuterLips{
    61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185};

inline constexpr std::array<int, 10> kMeshRightBrow{70, 63, 105, 66, 107, 55, 65, 52, 53, 46};

inline constexpr std::array<int, 10> kMeshLeftBrow{300, 293, 334, 296, 336,
                                                   285, 295, 282, 283, 276};

inline constexpr std::array<int, 16> kMeshRightEye{33,  246, 161, 160, 159, 158, 157, 173,
                                                   133, 155, 154, 153, 145, 144, 163, 7};

inline constexpr std::array<int, 16> kMeshLeftEye{263, 466, 388, 387, 386, 385, 384, 398,
                                                  362, 382, 381, 380, 374, 373, 390, 249};

}  // namespace am
