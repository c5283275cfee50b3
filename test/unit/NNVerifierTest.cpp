//===- NNVerifierTest.cpp - Shape rules of nn ops built from C++ ----------===//

#include "TestContext.h"

#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"

using namespace mlir;
using namespace ascend;

namespace {

class NNVerifierTest : public test::DialectTest {
protected:
  /// Builds `nn.matmul` on block arguments of the given shapes with the
  /// given result shape and reports whether it verifies.
  bool matmulVerifies(ArrayRef<int64_t> lhs, ArrayRef<int64_t> rhs,
                      ArrayRef<int64_t> result) {
    OpBuilder builder(&context);
    Type f32 = builder.getF32Type();
    auto lhsTy = RankedTensorType::get(lhs, f32);
    auto rhsTy = RankedTensorType::get(rhs, f32);
    auto fn = func::FuncOp::create(builder.getUnknownLoc(), "f",
                                   builder.getFunctionType({lhsTy, rhsTy}, {}));
    Block *entry = fn.addEntryBlock();
    builder.setInsertionPointToStart(entry);
    nn::MatMulOp::create(builder, builder.getUnknownLoc(),
                         RankedTensorType::get(result, f32),
                         entry->getArgument(0), entry->getArgument(1));
    func::ReturnOp::create(builder, builder.getUnknownLoc());
    // Diagnostics are expected for the failing cases; keep them quiet.
    ScopedDiagnosticHandler quiet(&context,
                                  [](Diagnostic &) { return success(); });
    bool ok = succeeded(verify(fn));
    fn.erase();
    return ok;
  }
};

TEST_F(NNVerifierTest, MatMulFollowsNumpyRules) {
  EXPECT_TRUE(matmulVerifies({4, 8}, {8, 3}, {4, 3}));
  EXPECT_TRUE(matmulVerifies({2, 1, 4, 8}, {5, 8, 3}, {2, 5, 4, 3}));
  EXPECT_TRUE(matmulVerifies({8}, {8, 3}, {3}));
  EXPECT_TRUE(matmulVerifies({4, 8}, {8}, {4}));
  EXPECT_TRUE(matmulVerifies({8}, {8}, {}));
}

TEST_F(NNVerifierTest, MatMulRejectsBadShapes) {
  EXPECT_FALSE(matmulVerifies({4, 8}, {7, 3}, {4, 3}));
  EXPECT_FALSE(matmulVerifies({4, 8}, {8, 3}, {3, 4}));
  EXPECT_FALSE(matmulVerifies({2, 4, 8}, {3, 8, 3}, {2, 4, 3}));
  EXPECT_FALSE(matmulVerifies({8}, {8, 3}, {1, 3}));
}

} // namespace
