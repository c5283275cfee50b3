//===- PlanReaderFuzzTest.cpp - The plan reader on damaged files ----------===//
//
// readPlan must never crash on any input: it either reports an error or
// returns a plan that verifies (and that the writer can encode again).
//
//===----------------------------------------------------------------------===//

#include "TestContext.h"

#include "ascend/Target/Plan.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"

#include <cstdlib>
#include <random>

using namespace mlir;
using namespace ascend;

namespace {

// Every attribute kind, nested loops, constants of two kinds, locations.
constexpr llvm::StringLiteral kPlan = R"mlir(
isa.plan "ascend910" gm_size 8192 {
  isa.tensor "x" input tensor<4x16xf16> at 0 loc("x(Input)")
  isa.tensor "y" output tensor<2x3xi1> at 4096
  isa.constant at 128 dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf16>
  isa.constant at 1024 dense_resource<weights> : tensor<4xf32>
  isa.kernel @k block_dim 2 {
    isa.get_block_idx r0
    isa.li r4, 8
    isa.loop r4 {
      isa.copy ub[r1], gm[r2 + 4096], nburst 16, len 2, src_gap 6, dst_gap 0 loc(fused<"g">["a(Conv)", "m.onnx":3:4])
      isa.set_flag mte2 -> v, 1
      isa.wait_flag mte2 -> v, 1
      isa.vcmp lt ub[r1], ub[r2], ub[r3], f32, repeat 2, mask 64, blk[1, 1, 1], rep[8, 8, 8]
      isa.vadds ub[r1], ub[r2], 0.5, f16, repeat 3, mask 128, blk[1, 1], rep[8, 8]
      isa.loop r2 {
        isa.saddi r3, r3, -1 loc(callsite("f" at "g"))
      }
    }
    isa.load2d l0b[r1], l1[r2], count 1, src_stride 0, f16 transpose
    isa.mmad l0c[r3], l0a[r1], l0b[r2 + 512], m 64, k 128, n 32, f16 init
    isa.barrier v {tag = "note"}
  }
}
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
)mlir";

/// Mutations per fuzz test; ASCEND_FUZZ_ITERATIONS runs a longer campaign.
unsigned getIterations() {
  if (const char *env = std::getenv("ASCEND_FUZZ_ITERATIONS"))
    return std::max(1, std::atoi(env));
  return 3000;
}

class PlanReaderFuzzTest : public test::DialectTest {
protected:
  void SetUp() override {
    OwningOpRef<ModuleOp> module = parse(kPlan);
    ASSERT_TRUE(module);
    auto plan = *module->getOps<isa::PlanOp>().begin();
    llvm::raw_string_ostream os(valid);
    ASSERT_TRUE(succeeded(plan::writePlan(plan, os)));
  }

  /// Decodes `bytes`, checking the reader's contract; returns whether it
  /// produced a plan.
  bool check(llvm::StringRef bytes, const std::string &what) {
    // A context per input: blob names and uniqued attributes would otherwise
    // pile up over a long campaign.
    DialectRegistry registry;
    registerAllDialects(registry);
    MLIRContext fresh(registry, MLIRContext::Threading::DISABLED);
    unsigned errors = 0;
    ScopedDiagnosticHandler handler(&fresh, [&](Diagnostic &diag) {
      errors += diag.getSeverity() == DiagnosticSeverity::Error;
      return success();
    });
    OwningOpRef<isa::PlanOp> plan = plan::readPlan(bytes, "fuzz.plan", &fresh);
    if (!plan) {
      EXPECT_GT(errors, 0u) << what << ": failed without a diagnostic";
      return false;
    }
    EXPECT_EQ(errors, 0u) << what << ": errors but a plan was returned";
    EXPECT_TRUE(succeeded(verify(*plan))) << what;
    // Whatever the reader accepts, the writer can encode.
    std::string again;
    llvm::raw_string_ostream os(again);
    EXPECT_TRUE(succeeded(plan::writePlan(*plan, os))) << what;
    return true;
  }

  std::string valid;
};

TEST_F(PlanReaderFuzzTest, ValidPlanRoundTripsExactly) {
  // A fresh context: in `context` the parsed plan's blob already holds the
  // name "weights", so the decoded blob would be renamed.
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext fresh(registry);
  OwningOpRef<isa::PlanOp> plan = plan::readPlan(valid, "valid.plan", &fresh);
  ASSERT_TRUE(plan);
  std::string again;
  llvm::raw_string_ostream os(again);
  ASSERT_TRUE(succeeded(plan::writePlan(*plan, os)));
  EXPECT_TRUE(again == valid) << "re-encoding changed the plan";
}

TEST_F(PlanReaderFuzzTest, EveryTruncationFails) {
  for (size_t length = 0; length < valid.size(); ++length)
    EXPECT_FALSE(check(llvm::StringRef(valid).take_front(length),
                       "truncated to " + std::to_string(length)))
        << "accepted a plan truncated to " << length << " bytes";
}

TEST_F(PlanReaderFuzzTest, RandomByteFlipsNeverCrash) {
  unsigned accepted = 0, iterations = getIterations();
  for (unsigned seed = 0; seed < iterations; ++seed) {
    std::mt19937 rng(seed);
    std::string bytes = valid;
    std::uniform_int_distribution<size_t> position(0, bytes.size() - 1);
    unsigned flips = 1 + seed % 8;
    for (unsigned i = 0; i < flips; ++i)
      bytes[position(rng)] ^= char(1 + rng() % 255);
    accepted += check(bytes, "seed " + std::to_string(seed));
  }
  // Flips in constant data or locations still decode; most others do not.
  EXPECT_GT(accepted, 0u);
  EXPECT_LT(accepted, iterations);
}

TEST_F(PlanReaderFuzzTest, InterestingWordsNeverCrash) {
  // Counts, indices, sizes and enum values overwritten with edge cases.
  const uint32_t words[] = {
      0,   1,     2,     7,          31,         32,         255,
      256, 65535, 65536, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff};
  for (unsigned seed = 0, e = getIterations(); seed < e; ++seed) {
    std::mt19937 rng(seed);
    std::string bytes = valid;
    std::uniform_int_distribution<size_t> position(0, bytes.size() - 4);
    size_t at = position(rng);
    uint32_t word = words[rng() % std::size(words)];
    for (unsigned i = 0; i < 4; ++i)
      bytes[at + i] = char(word >> (8 * i));
    if (rng() % 2)
      bytes.resize(position(rng));
    check(bytes, "seed " + std::to_string(seed));
  }
}

} // namespace
