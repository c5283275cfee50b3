//===- NNOps.td - Operations of the nn dialect ---------------*- tablegen -*-===//
//
// One file per concept; this file only gathers them so that one tablegen run
// generates every op (and the dialect doc).
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_NN_OPS
#define ASCEND_NN_OPS

include "nn/NNDialect.td"
include "nn/NNAttrs.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

// Ops whose syntax is `operands attr-dict : functional-type`.
class NN_FunctionalOp<string mnemonic, list<Trait> traits = []>
    : NN_Op<mnemonic, !listconcat([Pure], traits)> {
  let assemblyFormat = [{
    operands attr-dict `:` functional-type(operands, results)
  }];
}

include "nn/NNElementwiseOps.td"
include "nn/NNCubeOps.td"
include "nn/NNNormalizationOps.td"
include "nn/NNPoolingOps.td"
include "nn/NNReductionOps.td"
include "nn/NNShapeOps.td"
include "nn/NNKernelOps.td"

#endif // ASCEND_NN_OPS
