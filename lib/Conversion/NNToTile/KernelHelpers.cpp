//===- KernelHelpers.cpp - Pieces shared by the cube and conv kernels -----===//

#include "CubeKernel.h"
#include "ElementwiseOps.h"

#include "nn/NNConstants.h"
#include "tile/TileAttrs.h"

#include <limits>

using namespace mlir;
using namespace ascend;
std::optional<SmallVector<double>>
ascend::getKernelConstant(nn::KernelOp kernel, Value v) {
  auto arg = dyn_cast<BlockArgument>(v);
  if (!arg)
    return std::nullopt;
  auto constant =
      kernel.getInputs()[arg.getArgNumber()].getDefiningOp<nn::ConstantOp>();
  if (!constant)
    return std::nullopt;
  return nn::getFloatValues(constant.getValue(),
                            std::numeric_limits<int64_t>::max());
}

CubeKernelArg ascend::makeConstantArg(ArrayRef<double> values, Type elem,
                                      StringRef name) {
  CubeKernelArg arg;
  arg.kind = CubeKernelArg::Kind::Constant;
  int64_t size = values.size();
  arg.type = MemRefType::get(
      {size}, elem, MemRefLayoutAttrInterface(),
      tile::MemorySpaceAttr::get(elem.getContext(), MemorySpace::GM));
  arg.data =
      nn::makeWeightAttr(RankedTensorType::get({size}, elem), values, name);
  return arg;
}

func::FuncOp ascend::createKernelFunc(OpBuilder &builder, Location loc,
                                      StringRef name,
                                      ArrayRef<CubeKernelArg> args,
                                      ArrayRef<MemRefType> outputs,
                                      int64_t blocks) {
  SmallVector<Type> argTypes;
  for (const CubeKernelArg &arg : args)
    argTypes.push_back(arg.type);
  argTypes.append(outputs.begin(), outputs.end());
  auto func = func::FuncOp::create(builder, loc, name,
                                   builder.getFunctionType(argTypes, {}));
  func.setPrivate();
  func->setAttr("tile.kernel", builder.getUnitAttr());
  func->setAttr("tile.block_dim", builder.getI32IntegerAttr(blocks));
  func.addEntryBlock();
  return func;
}

FailureOr<SmallVector<Operation *>> ascend::walkEpilogue(
    nn::KernelOp kernel, ArrayRef<std::optional<double>> scalars,
    StringRef what,
    function_ref<LogicalResult(Operation *, unsigned, Value)> other) {
  Block &body = kernel.getBody().front();
  Operation *first = &body.front();
  Type resultType = first->getResult(0).getType();
  SmallVector<Operation *> chainOps;
  Value chain = first->getResult(0);
  for (Operation &op : llvm::drop_begin(body.without_terminator())) {
    if (!isSupportedElementwise(&op))
      return op.emitError() << "cannot fuse " << op.getName() << " into "
                            << what << " epilogue";
    if (!llvm::is_contained(op.getOperands(), chain))
      return op.emitError() << "cannot fuse " << op.getName() << " into "
                            << what << " epilogue: it does not use the product";
    for (auto [i, operand] : llvm::enumerate(op.getOperands())) {
      if (operand == chain)
        continue;
      auto arg = dyn_cast<BlockArgument>(operand);
      if (arg && scalars[arg.getArgNumber()])
        continue;
      if (failed(other(&op, i, operand)))
        return failure();
    }
    if (op.getResult(0).getType() != resultType)
      return op.emitError() << "epilogue result type differs from the "
                            << first->getName() << " result's";
    chain = op.getResult(0);
    chainOps.push_back(&op);
  }
  auto yield = cast<nn::YieldOp>(body.getTerminator());
  if (yield.getValues().size() != 1 || yield.getValues()[0] != chain)
    return kernel.emitError() << what
                              << " must yield only the end of its epilogue "
                                 "chain";
  return chainOps;
}
