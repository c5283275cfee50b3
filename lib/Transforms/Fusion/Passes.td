//===- Passes.td - Kernel fusion on the nn dialect -----------*- tablegen -*-===//

#ifndef ASCEND_TRANSFORMS_FUSION_PASSES
#define ASCEND_TRANSFORMS_FUSION_PASSES

include "mlir/Pass/PassBase.td"

def FuseKernels : Pass<"ascend-fuse", "::mlir::func::FuncOp"> {
  let summary = "Group nn ops into nn.kernel regions, one per kernel launch";
  let description = [{
    Walks a graph function in order and forms kernels: an elementwise op
    joins every kernel that produces one of its operands through a value
    only it uses, so intermediates never leave the kernel; a kernel holds at
    most one cube op (`nn.conv`, `nn.matmul`, `nn.gemm`), which then comes
    first, followed by its elementwise epilogue (bias, activation, residual
    add, clip). Every other op forms a kernel alone. The kernel is placed at
    its last op.

    Constants stay outside and become kernel inputs. A kernel's inputs are
    the values its ops use from outside, its results the values used
    outside; values inside stay on chip. Kernels are named after the ONNX
    nodes they contain (from the op locations).
  }];
  let dependentDialects = ["::ascend::nn::NNDialect"];
}

#endif // ASCEND_TRANSFORMS_FUSION_PASSES
