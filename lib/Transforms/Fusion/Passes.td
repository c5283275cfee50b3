//===- Passes.td - Kernel fusion on the nn dialect -----------*- tablegen -*-===//

#ifndef ASCEND_TRANSFORMS_FUSION_PASSES
#define ASCEND_TRANSFORMS_FUSION_PASSES

include "mlir/Pass/PassBase.td"

def FuseKernels : Pass<"ascend-fuse", "::mlir::func::FuncOp"> {
  let summary = "Group nn ops into nn.kernel regions, one per kernel launch";
  let description = [{
    Walks a graph function in order and forms kernels:

    - a cube op (`nn.conv`, `nn.matmul`, `nn.gemm`) followed by its
      elementwise epilogue: elementwise ops that consume the previous result
      as their only user and whose other operands are available before the
      kernel (bias, activation, residual add, clip);
    - a chain of elementwise ops linked the same way;
    - every other op alone.

    Constants stay outside and become kernel inputs. A kernel's inputs are
    the values its ops use from outside, its results the values used
    outside; values inside stay on chip. Kernels are named after the ONNX
    nodes they contain (from the op locations).
  }];
  let dependentDialects = ["::ascend::nn::NNDialect"];
}

#endif // ASCEND_TRANSFORMS_FUSION_PASSES
