//===- Passes.td - Graph passes on the nn dialect ------------*- tablegen -*-===//

#ifndef ASCEND_TRANSFORMS_PASSES
#define ASCEND_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def NNFoldConstants : Pass<"nn-fold-constants"> {
  let summary = "Evaluate nn ops whose operands are constants";
  let description = [{
    Runs every nn op's folder until nothing changes: shape subgraphs such as
    `nn.shape -> nn.gather -> nn.concat -> nn.reshape` become constants, and
    small integer and float arithmetic on constants is evaluated. Folders
    stop at 1024 result elements, so weights are never copied inline.
  }];
  let dependentDialects = ["::ascend::nn::NNDialect"];
}

def NNFoldBatchNorm : Pass<"nn-fold-batchnorm"> {
  let summary = "Fold inference BatchNormalization into a preceding Conv or Gemm";
  let description = [{
    `batch_norm(conv(x, W, b))` becomes `conv(x, W * f, (b - mean) * f + bias)`
    with `f = scale / sqrt(var + epsilon)` per output channel, when the conv
    has no other user and its weight, bias and the batch-norm parameters are
    constants. The same for `nn.gemm` (per output column, when `c` is absent
    or per column). New weights are dense_resource blobs.
  }];
  let dependentDialects = ["::ascend::nn::NNDialect"];
}

def NNFoldBias : Pass<"nn-fold-bias"> {
  let summary = "Fold a constant bias Add into Conv, MatMul or Gemm";
  let description = [{
    `add(conv(x, W, b), c)` with a per-channel constant `c` becomes
    `conv(x, W, b + c)`; `add(matmul(a, b), c)` on matrices with `c` of
    shape [N] or [1, N] becomes `gemm(a, b, c)`; `add(gemm(a, b, c0), c)`
    becomes `gemm(a, b, beta * c0 + c)` with beta 1. The producer must have no
    other user.
  }];
  let dependentDialects = ["::ascend::nn::NNDialect"];
}

def NNDeadCodeElimination : Pass<"nn-dce"> {
  let summary = "Remove ops whose results are unused and that have no effects";
  let description = [{
    Erases side-effect-free ops (every nn op but nn.kernel) whose results
    have no uses, repeatedly, so whole dead subgraphs disappear.
  }];
}

#endif // ASCEND_TRANSFORMS_PASSES
