#include "perception/face/face_mesh_refinement.hpp"

#include <stdexcept>

namespace am {

void refine_mesh(std::vector<cv::Point2f>& mesh, std::span<const int> indices,
                 std::span<const cv::Point2f> refined) {
  if (refined.size() != indices.size())
    throw std::invalid_argument("refine_mesh: " + std::to_string(refined.size()) +
                                " refined points for " + std::to_string(indices.size()) +
                                " mesh indices");
  for (std::size_t i = 0; i < indices.size(); ++i) mesh.at(indices[i]) = refined[i];
}

}  // namespace am
