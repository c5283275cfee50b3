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

def NNToF16 : Pass<"nn-to-f16", "::mlir::func::FuncOp"> {
  let summary = "Compute every f32 value of a function in f16 (--precision fp16)";
  let description = [{
    Like ATC's force_fp16: the function's signature keeps its f32 inputs and
    results, everything in between becomes f16. f32 constants are rounded to
    f16 at compile time (weights stay dense_resource blobs), every nn op
    with an f32 operand or result is rebuilt with f16 types, and `nn.cast`
    ops convert the f32 arguments after entry and the f16 results before
    `func.return`. Casts from and to other element types (e.g. an i64 ->
    f32 Cast) become casts from and to f16.

    ```mlir
    func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
      %0 = nn.relu %x : tensor<4xf32>
      return %0 : tensor<4xf32>
    }
    // becomes
    func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
      %0 = nn.cast %x : tensor<4xf32> -> tensor<4xf16>
      %1 = nn.relu %0 : tensor<4xf16>
      %2 = nn.cast %1 : tensor<4xf16> -> tensor<4xf32>
      return %2 : tensor<4xf32>
    }
    ```
  }];
  let dependentDialects = ["::ascend::nn::NNDialect"];
}

#endif // ASCEND_TRANSFORMS_PASSES
