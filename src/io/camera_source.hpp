// Cameras through OpenCV's V4L2 backend. Opening checks the device node is a V4L2 capture
// device (else the SourceError lists the cameras that exist), asks for MJPG when the camera
// offers it and for the requested size and rate, then waits for a first frame (else the
// SourceError says the camera may be busy) and discards it, so that next() always gives a fresh
// frame. next() never ends by itself; a camera that stops giving frames throws SourceError.
#pragma once

#include <memory>

#include "io/frame_source.hpp"
#include "io/source_spec.hpp"

namespace am {

std::unique_ptr<FrameSource> open_camera(const SourceSpec& spec, const CameraRequest& request);

}  // namespace am
