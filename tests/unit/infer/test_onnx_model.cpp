#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "core/error.hpp"
#include "infer/onnx_model.hpp"
#include "support/testdata.hpp"
#include "unit/infer/onnx_test_models.hpp"

namespace am {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

const test::DenseWeights kDense{
    .k = 3, .n = 2, .w = {0.5f, -1.0f, 2.0f, 0.25f, -1.5f, 1.0f}, .b = {0.1f, -0.2f}};

// Reference for Relu(X W + B), X row-major batch x k.
std::vector<float> dense_relu(const std::vector<float>& x, const test::DenseWeights& d) {
  const int64_t batch = static_cast<int64_t>(x.size()) / d.k;
  std::vector<float> y(batch * d.n);
  for (int64_t r = 0; r < batch; ++r) {
    for (int64_t c = 0; c < d.n; ++c) {
      float s = d.b[c];
      for (int64_t i = 0; i < d.k; ++i) s += x[r * d.k + i] * d.w[i * d.n + c];
      y[r * d.n + c] = std::max(0.0f, s);
    }
  }
  return y;
}

// Reference for a 3x3 convolution, stride 1, zero padding 1, batch 1.
std::vector<float> conv3x3(const std::vector<float>& x, const test::ConvWeights& c) {
  const int64_t h = c.height, w = c.width, cin = c.in_channels;
  std::vector<float> y(c.out_channels * h * w);
  for (int64_t o = 0; o < c.out_channels; ++o)
    for (int64_t r = 0; r < h; ++r)
      for (int64_t q = 0; q < w; ++q) {
        float s = c.b[o];
        for (int64_t i = 0; i < cin; ++i)
          for (int64_t kr = 0; kr < 3; ++kr)
            for (int64_t kq = 0; kq < 3; ++kq) {
              const int64_t rr = r + kr - 1, qq = q + kq - 1;
              if (rr < 0 || rr >= h || qq < 0 || qq >= w) continue;
              s += x[(i * h + rr) * w + qq] * c.w[((o * cin + i) * 3 + kr) * 3 + kq];
            }
        y[(o * h + r) * w + q] = s;
      }
  return y;
}

std::vector<float> ramp(size_t n, float start, float step) {
  std::vector<float> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = start + step * static_cast<float>(i);
  return v;
}

void expect_near(const std::vector<float>& got, const std::vector<float>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-4f) << "at " << i;
}

// The InferError message of a constructor or call that must fail.
template <typename F>
std::string infer_error_of(F&& f) {
  try {
    f();
  } catch (const InferError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no InferError";
  return {};
}

class OnnxModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = test::scratch_dir("infer_models");
    test::write_dense_relu_model(dir_ / "dense.onnx", kDense);
    test::write_conv3x3_model(dir_ / "conv.onnx", conv_);
    test::write_sum_product_model(dir_ / "sum_product.onnx");
    test::write_int64_identity_model(dir_ / "int64.onnx");
    test::write_random_bytes(dir_ / "corrupt.onnx", 4096);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static OnnxModel dense(const SessionOptions& options = {.device = Device::Cpu, .threads = 1}) {
    return OnnxModel(dir_ / "dense.onnx", "dense", {{"X", {-1, 3}}}, {{"Y", {-1, 2}}}, options);
  }

  static inline fs::path dir_;
  static inline const test::ConvWeights conv_{.in_channels = 2,
                                              .out_channels = 3,
                                              .height = 5,
                                              .width = 4,
                                              .w = ramp(3 * 2 * 9, -0.6f, 0.023f),
                                              .b = {0.5f, -0.25f, 0.0f}};
};

TEST_F(OnnxModelTest, DenseReluMatchesReferenceForAnyBatch) {
  const OnnxModel model = dense();
  for (int64_t batch : {1, 4}) {
    const Tensor x{{batch, 3}, ramp(batch * 3, -1.2f, 0.35f)};
    const auto out = model.run({x});
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].shape, (std::vector<int64_t>{batch, 2}));
    expect_near(out[0].data, dense_relu(x.data, kDense));
  }
}

TEST_F(OnnxModelTest, ConvMatchesReference) {
  const OnnxModel model(dir_ / "conv.onnx", "conv", {{"X", {1, 2, -1, -1}}}, {{"Y", {1, 3, 5, 4}}},
                        {.device = Device::Cpu});
  const Tensor x{{1, 2, 5, 4}, ramp(2 * 5 * 4, 1.0f, -0.07f)};
  const auto out = model.run({x});
  EXPECT_EQ(out[0].shape, (std::vector<int64_t>{1, 3, 5, 4}));
  expect_near(out[0].data, conv3x3(x.data, conv_));
}

TEST_F(OnnxModelTest, FileFixedSizesReplaceDeclaredWildcards) {
  const OnnxModel model(dir_ / "conv.onnx", "conv", {{"X", {-1, 2, -1, -1}}}, {{"Y", {1, 3, 5, 4}}},
                        {.device = Device::Cpu});
  EXPECT_EQ(model.inputs()[0].shape, (std::vector<int64_t>{1, 2, 5, 4}));
  const Tensor taller{{1, 2, 6, 4}, std::vector<float>(48)};
  EXPECT_THAT(infer_error_of([&] { model.run({taller}); }),
              AllOf(HasSubstr("'X'"), HasSubstr("[1, 2, 6, 4]"), HasSubstr("[1, 2, 5, 4]")));
}

TEST_F(OnnxModelTest, InputsAndOutputsFollowDeclaredOrderNotFileOrder) {
  const OnnxModel model(dir_ / "sum_product.onnx", "sp", {{"B", {2, 3}}, {"A", {2, 3}}},
                        {{"product", {2, 3}}, {"sum", {2, 3}}}, {.device = Device::Cpu});
  const Tensor b{{2, 3}, {1, 2, 3, 4, 5, 6}};
  const Tensor a{{2, 3}, {10, 20, 30, 40, 50, 60}};
  const auto out = model.run({b, a});
  ASSERT_EQ(out.size(), 2u);
  expect_near(out[0].data, {10, 40, 90, 160, 250, 360});
  expect_near(out[1].data, {11, 22, 33, 44, 55, 66});
}

TEST_F(OnnxModelTest, ViewRunEqualsOwnedRun) {
  const OnnxModel model = dense();
  const std::vector<int64_t> shape = {2, 3};
  const std::vector<float> data = ramp(6, 0.3f, -0.2f);
  const TensorView view{shape, data};
  expect_near(model.run({&view, 1})[0].data, model.run({Tensor{shape, data}})[0].data);
}

TEST_F(OnnxModelTest, ConcurrentRunsGiveTheSameResults) {
  const OnnxModel model = dense({.device = Device::Cpu, .threads = 2});
  const Tensor x{{8, 3}, ramp(24, -2.0f, 0.17f)};
  const auto want = dense_relu(x.data, kDense);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) expect_near(model.run({x})[0].data, want);
    });
  }
  for (auto& t : threads) t.join();
}

TEST_F(OnnxModelTest, WrongInputNameOnLoadNamesBothSides) {
  const auto msg = infer_error_of([] {
    OnnxModel(dir_ / "dense.onnx", "dense", {{"input", {-1, 3}}}, {{"Y", {-1, 2}}},
              {.device = Device::Cpu});
  });
  EXPECT_THAT(msg, AllOf(HasSubstr("model dense"), HasSubstr("'input'"), HasSubstr("'X'"),
                         HasSubstr("dense.onnx")));
}

TEST_F(OnnxModelTest, WrongShapeOnLoadNamesTensorAndBothShapes) {
  const auto msg = infer_error_of([] {
    OnnxModel(dir_ / "dense.onnx", "dense", {{"X", {-1, 5}}}, {{"Y", {-1, 2}}},
              {.device = Device::Cpu});
  });
  EXPECT_THAT(msg, AllOf(HasSubstr("'X'"), HasSubstr("[-1, 5]"), HasSubstr("[-1, 3]"),
                         HasSubstr("dense.onnx")));
  EXPECT_THROW(OnnxModel(dir_ / "dense.onnx", "dense", {{"X", {-1, 3}}}, {{"Y", {-1, 2, 1}}},
                         {.device = Device::Cpu}),
               InferError);
}

TEST_F(OnnxModelTest, UndeclaredOutputInFileIsRejected) {
  const auto msg = infer_error_of([] {
    OnnxModel(dir_ / "sum_product.onnx", "sp", {{"A", {2, 3}}, {"B", {2, 3}}}, {{"sum", {2, 3}}},
              {.device = Device::Cpu});
  });
  EXPECT_THAT(msg, HasSubstr("'product'"));
}

TEST_F(OnnxModelTest, BadRunInputsAreRejected) {
  const OnnxModel model = dense();
  const auto short_data = infer_error_of([&] { model.run({Tensor{{2, 3}, {1, 2, 3, 4, 5}}}); });
  EXPECT_THAT(short_data, AllOf(HasSubstr("'X'"), HasSubstr("6"), HasSubstr("5")));
  EXPECT_THROW(model.run({Tensor{{2, 4}, std::vector<float>(8)}}), InferError);
  EXPECT_THROW(model.run({Tensor{{6}, std::vector<float>(6)}}), InferError);
  EXPECT_THROW(model.run(std::vector<Tensor>{}), InferError);
  const Tensor ok{{1, 3}, {1, 2, 3}};
  EXPECT_THROW(model.run({ok, ok}), InferError);
}

TEST_F(OnnxModelTest, MissingFileSaysHowToFetch) {
  const auto msg = infer_error_of([] {
    OnnxModel(dir_ / "absent.onnx", "pose_landmark_full", {}, {}, {.device = Device::Cpu});
  });
  EXPECT_THAT(msg, AllOf(HasSubstr("pose_landmark_full"), HasSubstr("absent.onnx"),
                         HasSubstr("make setup-models"), HasSubstr("avatar-mirror models fetch")));
}

TEST_F(OnnxModelTest, CorruptFileNamesTheFile) {
  const auto msg = infer_error_of([] {
    OnnxModel(dir_ / "corrupt.onnx", "dense", {{"X", {-1, 3}}}, {{"Y", {-1, 2}}},
              {.device = Device::Cpu});
  });
  EXPECT_THAT(msg, AllOf(HasSubstr("model dense"), HasSubstr("corrupt.onnx")));
  EXPECT_EQ(msg.find('\n'), std::string::npos);
}

TEST_F(OnnxModelTest, NonFloatTensorIsRejected) {
  const auto msg = infer_error_of([] {
    OnnxModel(dir_ / "int64.onnx", "ids", {{"X", {2}}}, {{"Y", {2}}}, {.device = Device::Cpu});
  });
  EXPECT_THAT(msg, AllOf(HasSubstr("'X'"), HasSubstr("float32")));
}

TEST_F(OnnxModelTest, CudaRequestWithoutCudaSaysHowToFix) {
  if (cuda_unavailable_reason(probe_cuda_support()).empty()) GTEST_SKIP() << "CUDA usable here";
  const auto msg = infer_error_of([] { dense({.device = Device::Cuda}); });
  EXPECT_THAT(msg, AllOf(HasSubstr("model dense"), HasSubstr("dense.onnx"), HasSubstr("cuda"),
                         HasSubstr("processing.device to cpu")));
}

TEST_F(OnnxModelTest, AutoUsesCudaOnlyWhenUsable) {
  const OnnxModel model = dense({.device = Device::Auto});
  const bool cuda = cuda_unavailable_reason(probe_cuda_support()).empty();
  EXPECT_EQ(model.provider(), cuda ? kCudaProvider : kCpuProvider);
  const Tensor x{{2, 3}, ramp(6, -1.0f, 0.5f)};
  expect_near(model.run({x})[0].data, dense_relu(x.data, kDense));
}

TEST_F(OnnxModelTest, ThreadsDefaultToAllCores) {
  EXPECT_EQ(dense({.device = Device::Cpu, .threads = 2}).threads(), 2);
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(dense({.device = Device::Cpu, .threads = 0}).threads(), cores);
}

TEST_F(OnnxModelTest, MovedModelStillRuns) {
  OnnxModel first = dense();
  OnnxModel second = std::move(first);
  EXPECT_EQ(second.name(), "dense");
  EXPECT_EQ(second.run({Tensor{{1, 3}, {1, 1, 1}}})[0].shape, (std::vector<int64_t>{1, 2}));
}

}  // namespace
}  // namespace am
