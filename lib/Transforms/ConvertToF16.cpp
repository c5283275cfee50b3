//===- ConvertToF16.cpp - Compute a function's f32 values in f16 ----------===//
//
// `--precision fp16`: a dialect conversion whose type converter maps f32
// tensors to f16 tensors. The function signature and func.return are legal
// as they are, so the conversion's materializations (nn.cast) sit between the
// f32 arguments and their f16 users and between the f16 results and return.
//
//===----------------------------------------------------------------------===//

#include "ascend/Transforms/Passes.h"
#include "nn/NNConstants.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/Transforms/DialectConversion.h"

namespace ascend {
#define GEN_PASS_DEF_NNTOF16
#include "Transforms/Passes.h.inc"
} // namespace ascend

using namespace mlir;
using namespace ascend::nn;

namespace {
class F16TypeConverter : public TypeConverter {
public:
  F16TypeConverter() {
    addConversion([](Type type) { return type; });
    addConversion([](RankedTensorType type) -> Type {
      if (!type.getElementType().isF32())
        return type;
      return type.clone(Float16Type::get(type.getContext()));
    });
    auto cast = [](OpBuilder &builder, Type type, ValueRange inputs,
                   Location loc) -> Value {
      if (inputs.size() != 1 || !isa<RankedTensorType>(type))
        return Value();
      return CastOp::create(builder, loc, type, inputs[0]);
    };
    addSourceMaterialization(cast);
    addTargetMaterialization(cast);
  }
};

/// Rounds an f32 constant to f16 at compile time.
struct ConvertConstant : OpConversionPattern<ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    std::optional<SmallVector<double>> values = getAllConstantFloats(op);
    if (!type || !values)
      return rewriter.notifyMatchFailure(op, "not a float constant");
    std::string name = "f16";
    if (auto blob = dyn_cast<DenseResourceElementsAttr>(op.getValue()))
      name = (blob.getRawHandle().getKey() + "_f16").str();
    rewriter.replaceOpWithNewOp<ConstantOp>(
        op, makeWeightAttr(type, *values, name));
    return success();
  }
};

/// Rebuilds any other nn op with converted operand and result types; nn ops
/// have no regions before fusion.
struct RetypeOp : ConversionPattern {
  RetypeOp(const TypeConverter &converter, MLIRContext *context)
      : ConversionPattern(converter, MatchAnyOpTypeTag(), /*benefit=*/1,
                          context) {}
  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<NNDialect>(op->getDialect()) || isa<ConstantOp>(op))
      return rewriter.notifyMatchFailure(op, "not a retyped nn op");
    SmallVector<Type> types;
    if (failed(getTypeConverter()->convertTypes(op->getResultTypes(), types)))
      return failure();
    OperationState state(op->getLoc(), op->getName(), operands, types,
                         op->getAttrs());
    rewriter.replaceOp(op, rewriter.create(state)->getResults());
    return success();
  }
};

struct NNToF16 : ascend::impl::NNToF16Base<NNToF16> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    // Kernel bodies were typed by the layout and fusion passes already.
    WalkResult kernels = getOperation().walk([](KernelOp kernel) {
      kernel.emitError("nn-to-f16 runs before ascend-fuse, not on nn.kernel");
      return WalkResult::interrupt();
    });
    if (kernels.wasInterrupted())
      return signalPassFailure();
    F16TypeConverter converter;
    ConversionTarget target(*context);
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    target.addDynamicallyLegalDialect<NNDialect>(
        [&](Operation *op) { return converter.isLegal(op); });
    RewritePatternSet patterns(context);
    patterns.add<ConvertConstant, RetypeOp>(converter, context);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
