// What covers a face's skin at its edge, by colour: hair falling over the forehead or a cheek, a
// microphone, a glasses temple, the source photo's own hair at its temples. Takes an 8-bit BGR
// region, the face mask there (where to look) and the face's features (eyes, brows, lips: never
// counted, they are not skin and belong to the face). The skin's colour is learnt from the mask
// itself (robust Lab statistics: median and median absolute deviation, so up to about a third of
// it may be something else); a pixel is not skin when its chroma lies more than kChromaSpread
// deviations from the skin's, or its lightness more than kLightSpread below or above. Only what
// is not skin and reaches the mask's edge counts (a mole, a nostril or a shadow in the middle of
// the cheek does not): that is what lies over the face from outside; specks of skin colour inside
// it (skin showing through hair) are filled. Gives a CV_8U mask, 255 on
// it. Pure.
#pragma once

#include <opencv2/core/mat.hpp>

namespace am {

inline constexpr double kChromaSpread = 4.5;
inline constexpr double kLightSpread = 4.5;

cv::Mat covering_the_skin(const cv::Mat& bgr, const cv::Mat& mask, const cv::Mat& features);

}  // namespace am
