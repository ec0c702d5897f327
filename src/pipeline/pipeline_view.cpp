#include <opencv2/highgui.hpp>

#include "perception/pose/pose_drawing.hpp"
#include "pipeline/pipeline_impl.hpp"

namespace am {

// The mirror view (--preview window, --record file): the camera image with each tracked person's
// face swapped for their face map photo when face_swap.enabled (hands left in front of faces), and
// each person's skeleton. Runs after the pose_update went out, so it never delays the stream; it
// costs frame rate when asked for.
void Pipeline::Impl::show_view(const Frame& frame, const std::vector<PoseObservation>& persons,
                               const std::vector<int>& ids) {
  if (!options.preview && !recorder) return;
  std::vector<PoseLandmarks> poses;
  poses.reserve(persons.size());
  for (const PoseObservation& person : persons) poses.push_back(person.landmarks);
  cv::Mat view = view_swap
                     ? view_swap->swap(frame.image, frame.capture_time_ms / 1000.0, poses, ids)
                     : frame.image.clone();
  draw_pose(view, persons);
  if (recorder) recorder->write(view, frame.index);
  if (options.preview) {
    cv::imshow("Avatar Mirror", view);
    cv::waitKey(1);
  }
}

}  // namespace am
