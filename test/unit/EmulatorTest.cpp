//===- EmulatorTest.cpp - Emulator numerics, layouts and timing -----------===//

#include "TestContext.h"

#include "../../lib/Emulator/Fp16.h"
#include "ascend/Emulator/Emulator.h"
#include "isa/ISAOps.h"

#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <random>

using namespace mlir;
using namespace ascend;
using namespace ascend::emu;

namespace {

//===----------------------------------------------------------------------===//
// fp16
//===----------------------------------------------------------------------===//

TEST(Fp16Test, EveryValueRoundTrips) {
  for (uint32_t bits = 0; bits < 65536; ++bits) {
    float value = halfToFloat(uint16_t(bits));
    if (std::isnan(value)) {
      EXPECT_TRUE(std::isnan(halfToFloat(floatToHalf(value)))) << bits;
      continue;
    }
    EXPECT_EQ(floatToHalf(value), bits) << "fp16 bits " << bits;
  }
}

TEST(Fp16Test, RoundsToNearestEven) {
  // Halfway between 1 and the next fp16 (1 + 2^-10) goes to the even 1.
  EXPECT_EQ(halfToFloat(floatToHalf(1.0f + std::ldexp(1.0f, -11))), 1.0f);
  // Halfway above 1 + 2^-10 goes up to the even 1 + 2^-9.
  EXPECT_EQ(halfToFloat(floatToHalf(1.0f + 3 * std::ldexp(1.0f, -11))),
            1.0f + std::ldexp(1.0f, -9));
  // Just above halfway rounds up.
  EXPECT_EQ(halfToFloat(floatToHalf(1.0f + std::ldexp(1.0f, -11) +
                                    std::ldexp(1.0f, -20))),
            1.0f + std::ldexp(1.0f, -10));
  EXPECT_EQ(halfToFloat(floatToHalf(65519.0f)), 65504.0f);
  EXPECT_TRUE(std::isinf(halfToFloat(floatToHalf(65520.0f))));
  // Subnormals.
  EXPECT_EQ(floatToHalf(std::ldexp(1.0f, -24)), 1);
  EXPECT_EQ(floatToHalf(std::ldexp(1.0f, -25)), 0); // tie to even zero
  EXPECT_EQ(floatToHalf(-0.0f), 0x8000);
}

//===----------------------------------------------------------------------===//
// Helpers to run generated plans
//===----------------------------------------------------------------------===//

class EmulatorTest : public test::DialectTest {
protected:
  /// Runs the plan in `source`; fails the test on any error.
  RunResult run(StringRef source, std::vector<TensorData> inputs,
                unsigned threads = 1) {
    OwningOpRef<ModuleOp> module = parse(source);
    EXPECT_TRUE(module);
    if (!module)
      return {};
    auto plan = *module->getOps<isa::PlanOp>().begin();
    EmulatorOptions options;
    options.threads = threads;
    llvm::Expected<RunResult> result = runPlan(plan, inputs, options);
    if (!result) {
      ADD_FAILURE() << llvm::toString(result.takeError());
      return {};
    }
    return std::move(*result);
  }

  static TensorData halfTensor(std::string name, std::vector<float> values) {
    TensorData t{std::move(name), "f16", {int64_t(values.size())}, {}};
    t.bytes.resize(values.size() * 2);
    for (size_t i = 0; i < values.size(); ++i)
      storeElement(t.bytes.data() + 2 * i, DType::F16, values[i]);
    return t;
  }

  static float f32At(const TensorData &t, size_t i) {
    return loadElement(t.bytes.data() + 4 * i, DType::F32);
  }

  std::mt19937 rng{42};
  /// fp16-representable values in [-1, 1].
  float randomHalf() {
    std::uniform_real_distribution<float> dist(-1, 1);
    return halfToFloat(floatToHalf(dist(rng)));
  }
};

//===----------------------------------------------------------------------===//
// mmad against a direct triple loop
//===----------------------------------------------------------------------===//

TEST_F(EmulatorTest, MmadMatchesReferenceForRaggedShapes) {
  struct Shape {
    int m, k, n;
  };
  for (Shape s : {Shape{20, 37, 5}, Shape{1, 16, 16}, Shape{33, 64, 47}}) {
    int m1 = (s.m + 15) / 16, k1 = (s.k + 15) / 16, n1 = (s.n + 15) / 16;
    std::vector<float> a(s.m * s.k), b(s.k * s.n);
    for (float &v : a)
      v = randomHalf();
    for (float &v : b)
      v = randomHalf();
    // Pack A as ZZ and B as ZN fractals (zero padding) on the host, so the
    // test checks mmad's reading of the layouts, not the copies.
    std::vector<float> packedA(m1 * k1 * 256, 0), packedB(k1 * n1 * 256, 0);
    for (int i = 0; i < s.m; ++i)
      for (int j = 0; j < s.k; ++j)
        packedA[((i / 16) * k1 + j / 16) * 256 + (i % 16) * 16 + j % 16] =
            a[i * s.k + j];
    for (int i = 0; i < s.k; ++i)
      for (int j = 0; j < s.n; ++j)
        packedB[((i / 16) * n1 + j / 16) * 256 + (j % 16) * 16 + i % 16] =
            b[i * s.n + j];
    int aBytes = m1 * k1 * 512, bBytes = k1 * n1 * 512, cBytes = m1 * n1 * 1024;
    std::string source = llvm::formatv(
        R"mlir(
      isa.plan "ascend910" gm_size {0} {
        isa.tensor "a" input tensor<{1}xf16> at 0
        isa.tensor "b" input tensor<{2}xf16> at {3}
        isa.tensor "c" output tensor<{4}xf32> at {5}
        isa.kernel @mm block_dim 1 {
          isa.li r0, 0
          isa.copy l1[r0], gm[r0], nburst 1, len {6}, src_gap 0, dst_gap 0
          isa.copy l1[r0 + {3}], gm[r0 + {3}], nburst 1, len {7}, src_gap 0, dst_gap 0
          isa.set_flag mte2 -> mte1, 0
          isa.wait_flag mte2 -> mte1, 0
          isa.load2d l0a[r0], l1[r0], count {8}, src_stride 1, f16
          isa.load2d l0b[r0], l1[r0 + {3}], count {9}, src_stride 1, f16
          isa.set_flag mte1 -> m, 0
          isa.wait_flag mte1 -> m, 0
          isa.mmad l0c[r0], l0a[r0], l0b[r0], m {10}, k {11}, n {12}, f16 init
          isa.set_flag m -> v, 0
          isa.wait_flag m -> v, 0
          isa.l0c_to_ub ub[r0], l0c[r0], count {13}, f32
          isa.set_flag v -> mte3, 0
          isa.wait_flag v -> mte3, 0
          isa.copy gm[r0 + {5}], ub[r0], nburst 1, len {14}, src_gap 0, dst_gap 0
        }
      })mlir",
        aBytes + bBytes + cBytes, m1 * k1 * 256, k1 * n1 * 256, aBytes,
        m1 * n1 * 256, aBytes + bBytes, aBytes / 32, bBytes / 32, m1 * k1,
        k1 * n1, s.m, s.k, s.n, m1 * n1, cBytes / 32);
    // Only the m x n corner of C is written; zero-fill L0C first would need
    // another instruction, so compare just that corner.
    RunResult result =
        run(source, {halfTensor("a", packedA), halfTensor("b", packedB)});
    ASSERT_EQ(result.outputs.size(), 1u);
    for (int i = 0; i < s.m; ++i)
      for (int j = 0; j < s.n; ++j) {
        double expected = 0;
        for (int t = 0; t < s.k; ++t)
          expected += double(a[i * s.k + t]) * b[t * s.n + j];
        float got = f32At(result.outputs[0], ((j / 16) * m1 + i / 16) * 256 +
                                                 (i % 16) * 16 + j % 16);
        EXPECT_NEAR(got, expected, 1e-4)
            << "m=" << s.m << " k=" << s.k << " n=" << s.n << " at " << i << ","
            << j;
      }
  }
}

//===----------------------------------------------------------------------===//
// load3d (img2col) against a direct reference, read back through an identity
// matmul
//===----------------------------------------------------------------------===//

TEST_F(EmulatorTest, Load3dMatchesReferenceImg2col) {
  struct Config {
    int h, w, c1, kh, kw, sh, sw, pt, pb, pl, pr, dh, dw, mStart, m1Count,
        k1Start, k1Count;
  };
  for (Config c : {Config{7, 5, 2, 3, 2, 2, 1, 1, 0, 1, 1, 1, 2, 3, 1, 2, 7},
                   Config{6, 6, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 0, 3, 0, 9},
                   Config{9, 4, 3, 1, 1, 3, 2, 0, 2, 0, 0, 1, 1, 5, 2, 1, 2}}) {
    int oh = (c.h + c.pt + c.pb - c.dh * (c.kh - 1) - 1) / c.sh + 1;
    int ow = (c.w + c.pl + c.pr - c.dw * (c.kw - 1) - 1) / c.sw + 1;
    std::vector<float> fmap(c.c1 * c.h * c.w * 16);
    for (float &v : fmap)
      v = randomHalf();
    int n = c.k1Count * 16; // identity B: C = A
    std::vector<float> identity(c.k1Count * c.k1Count * 256, 0);
    for (int i = 0; i < n; ++i)
      identity[((i / 16) * c.k1Count + i / 16) * 256 + (i % 16) * 16 + i % 16] =
          1;
    int fmapBytes = fmap.size() * 2, idBytes = identity.size() * 2;
    int cFractals = c.m1Count * c.k1Count;
    std::string source = llvm::formatv(
        R"mlir(
      isa.plan "ascend910" gm_size {0} {
        isa.tensor "x" input tensor<{1}xf16> at 0
        isa.tensor "id" input tensor<{2}xf16> at {3}
        isa.tensor "c" output tensor<{4}xf32> at {5}
        isa.kernel @im2col block_dim 1 {
          isa.li r0, 0
          isa.copy l1[r0], gm[r0], nburst 1, len {6}, src_gap 0, dst_gap 0
          isa.copy l1[r0 + {3}], gm[r0 + {3}], nburst 1, len {7}, src_gap 0, dst_gap 0
          isa.set_flag mte2 -> mte1, 0
          isa.wait_flag mte2 -> mte1, 0
          isa.load3d l0a[r0], l1[r0], fmap[{8}, {9}, {10}], kernel[{11}, {12}], stride[{13}, {14}], pad[{15}, {16}, {17}, {18}], dilation[{19}, {20}], m[{21}, {22}], k[{23}, {24}], f16
          isa.load2d l0b[r0], l1[r0 + {3}], count {25}, src_stride 1, f16
          isa.set_flag mte1 -> m, 0
          isa.wait_flag mte1 -> m, 0
          isa.mmad l0c[r0], l0a[r0], l0b[r0], m {26}, k {27}, n {27}, f16 init
          isa.set_flag m -> v, 0
          isa.wait_flag m -> v, 0
          isa.l0c_to_ub ub[r0], l0c[r0], count {28}, f32
          isa.set_flag v -> mte3, 0
          isa.wait_flag v -> mte3, 0
          isa.copy gm[r0 + {5}], ub[r0], nburst 1, len {29}, src_gap 0, dst_gap 0
        }
      })mlir",
        fmapBytes + idBytes + cFractals * 1024 + 4096, fmap.size(),
        identity.size(), fmapBytes + (-fmapBytes & 511), cFractals * 256,
        fmapBytes + (-fmapBytes & 511) + idBytes, fmapBytes / 32, idBytes / 32,
        c.h, c.w, c.c1, c.kh, c.kw, c.sh, c.sw, c.pt, c.pb, c.pl, c.pr, c.dh,
        c.dw, c.mStart, c.m1Count, c.k1Start, c.k1Count, c.k1Count * c.k1Count,
        c.m1Count * 16, n, cFractals, cFractals * 32);
    RunResult result =
        run(source, {halfTensor("x", fmap), halfTensor("id", identity)});
    ASSERT_EQ(result.outputs.size(), 1u);
    for (int row = 0; row < c.m1Count * 16; ++row)
      for (int col = 0; col < n; ++col) {
        int m = c.mStart + row, k1 = c.k1Start + col / 16, c0 = col % 16;
        int c1i = k1 / (c.kh * c.kw), i = k1 % (c.kh * c.kw) / c.kw,
            j = k1 % c.kw;
        float expected = 0;
        if (m < oh * ow) {
          int y = m / ow * c.sh - c.pt + i * c.dh;
          int x = m % ow * c.sw - c.pl + j * c.dw;
          if (y >= 0 && y < c.h && x >= 0 && x < c.w)
            expected = fmap[((c1i * c.h + y) * c.w + x) * 16 + c0];
        }
        float got =
            f32At(result.outputs[0], ((col / 16) * c.m1Count + row / 16) * 256 +
                                         (row % 16) * 16 + col % 16);
        EXPECT_EQ(got, expected) << "row " << row << " col " << col;
      }
  }
}

//===----------------------------------------------------------------------===//
// Timing
//===----------------------------------------------------------------------===//

/// y = x + x on `blocks` blocks of 64 floats each.
static std::string doublingPlan(int blocks) {
  return llvm::formatv(R"mlir(
    isa.plan "ascend910" gm_size {0} {
      isa.tensor "x" input tensor<{1}xf32> at 0
      isa.tensor "y" output tensor<{1}xf32> at {2}
      isa.kernel @double block_dim {3} {
        isa.get_block_idx r0
        isa.smuli r0, r0, 256
        isa.li r2, 0
        isa.copy ub[r2], gm[r0], nburst 1, len 8, src_gap 0, dst_gap 0
        isa.set_flag mte2 -> v, 0
        isa.wait_flag mte2 -> v, 0
        isa.vadd ub[r2 + 256], ub[r2], ub[r2], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
        isa.set_flag v -> mte3, 0
        isa.wait_flag v -> mte3, 0
        isa.copy gm[r0 + {2}], ub[r2 + 256], nburst 1, len 8, src_gap 0, dst_gap 0
      }
    })mlir",
                       blocks * 512, blocks * 64, blocks * 256, blocks);
}

TEST_F(EmulatorTest, CyclesMatchHandComputation) {
  TensorData x{"x", "f32", {64}, std::vector<uint8_t>(256, 0)};
  RunResult one = run(doublingPlan(1), {x});
  // 3 scalar cycles; copy in at 3: 256 B at 128 B/cycle + 100 setup -> 105;
  // set_flag (dispatched 4) sets at 106; wait 106; vadd 107..108 + 8 latency
  // -> 116; set_flag v sets at 117; wait 117; copy out 118 + 2 + 100 = 220.
  EXPECT_EQ(one.totalCycles, 220u);
  ASSERT_EQ(one.kernels.size(), 1u);
  EXPECT_EQ(one.kernels[0].busyCycles[size_t(Pipe::MTE2)], 2u);
  EXPECT_EQ(one.kernels[0].busyCycles[size_t(Pipe::V)], 1u);
}

TEST_F(EmulatorTest, CopyEnginesShareTheGlobalMemoryPort) {
  // MTE2 loads x while MTE3 stores a vdup'ed buffer: no dependency between
  // them, but both move global-memory bytes, so they take turns on the
  // core's HBM port. 3 scalar cycles; copy in at 3: 25600 B at 128 B/cycle
  // holds the port until 203. vdup 4..104 + 8, flag at 113, wait 113; the
  // store waits for the port until 203, holds it 200 cycles, + 100 setup
  // latency -> 503 (it would be 414 if the engines did not share the port).
  const char *plan = R"mlir(
    isa.plan "ascend910" gm_size 51200 {
      isa.tensor "x" input tensor<6400xf32> at 0
      isa.tensor "y" output tensor<6400xf32> at 25600
      isa.kernel @overlap block_dim 1 {
        isa.li r0, 0
        isa.li r1, 25600
        isa.li r2, 0
        isa.copy ub[r2], gm[r0], nburst 1, len 800, src_gap 0, dst_gap 0
        isa.vdup ub[r2 + 25600], 1.0, f32, repeat 100, mask 64, blk[1], rep[8]
        isa.set_flag v -> mte3, 0
        isa.wait_flag v -> mte3, 0
        isa.copy gm[r1], ub[r2 + 25600], nburst 1, len 800, src_gap 0, dst_gap 0
      }
    })mlir";
  TensorData x{"x", "f32", {6400}, std::vector<uint8_t>(25600, 0)};
  RunResult result = run(plan, {x});
  ASSERT_EQ(result.kernels.size(), 1u);
  EXPECT_EQ(result.kernels[0].busyCycles[size_t(Pipe::MTE2)], 200u);
  EXPECT_EQ(result.kernels[0].busyCycles[size_t(Pipe::MTE3)], 200u);
  EXPECT_EQ(result.totalCycles, 503u);
}

TEST_F(EmulatorTest, BlocksBeyondTheCoresRunInWaves) {
  // 32 and 64 blocks both use all 32 cores, with the same share of HBM
  // bandwidth; 64 blocks take two waves.
  TensorData x32{"x", "f32", {32 * 64}, std::vector<uint8_t>(32 * 256, 0)};
  TensorData x64{"x", "f32", {64 * 64}, std::vector<uint8_t>(64 * 256, 0)};
  RunResult wave = run(doublingPlan(32), {x32});
  RunResult twoWaves = run(doublingPlan(64), {x64}, /*threads=*/2);
  EXPECT_EQ(twoWaves.totalCycles, 2 * wave.totalCycles);
  // HBM: 1200 B/cycle over 32 cores is 37.5 B/cycle, so a 256-byte copy
  // takes 7 cycles instead of 2.
  EXPECT_EQ(wave.kernels[0].busyCycles[size_t(Pipe::MTE2)], 32u * 7);
}

TEST_F(EmulatorTest, ResultsDoNotDependOnThreads) {
  TensorData x{"x", "f32", {64 * 64}, std::vector<uint8_t>(64 * 256)};
  for (size_t i = 0; i < x.bytes.size(); ++i)
    x.bytes[i] = uint8_t(i * 7);
  RunResult a = run(doublingPlan(64), {x}, 1);
  RunResult b = run(doublingPlan(64), {x}, 3);
  ASSERT_EQ(a.outputs.size(), 1u);
  EXPECT_EQ(a.outputs[0].bytes, b.outputs[0].bytes);
  EXPECT_EQ(a.totalCycles, b.totalCycles);
}

} // namespace
