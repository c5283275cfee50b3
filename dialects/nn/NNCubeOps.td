//===- NNCubeOps.td - Ops that run on the cube unit ----------*- tablegen -*-===//

#ifndef ASCEND_NN_CUBE_OPS
#define ASCEND_NN_CUBE_OPS

def NN_MatMulOp : NN_Op<"matmul", [Pure]> {
  let summary = "Matrix product with ONNX MatMul semantics";
  let description = [{
    numpy `matmul`: the last two dimensions multiply, leading dimensions
    broadcast; a 1-D operand is promoted to a matrix and the promoted
    dimension dropped from the result.

    ```mlir
    %y = nn.matmul %a, %b : tensor<8x64x32xf32>, tensor<32x16xf32> -> tensor<8x64x16xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$lhs, NN_FloatTensor:$rhs);
  let results = (outs NN_FloatTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
}

def NN_GemmOp : NN_FunctionalOp<"gemm"> {
  let summary = "General matrix multiply with ONNX Gemm semantics";
  let description = [{
    `y = alpha * op(a) * op(b) + beta * c` with `op` transposing its operand
    when `trans_a` / `trans_b` is set. `a` and `b` are matrices; the optional
    `c` broadcasts (unidirectionally) to the [M, N] result.

    ```mlir
    %y = nn.gemm %a, %b, %c {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = true}
        : (tensor<4x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<4x16xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$a, NN_FloatTensor:$b,
                   Optional<NN_FloatTensor>:$c,
                   DefaultValuedAttr<F32Attr, "1.0">:$alpha,
                   DefaultValuedAttr<F32Attr, "1.0">:$beta,
                   DefaultValuedAttr<BoolAttr, "false">:$trans_a,
                   DefaultValuedAttr<BoolAttr, "false">:$trans_b);
  let results = (outs NN_FloatTensor:$result);
  let hasVerifier = 1;
}

def NN_ConvOp : NN_Op<"conv", [Pure]> {
  let summary = "2-D convolution with ONNX Conv semantics";
  let description = [{
    Convolution of an NCHW `input` with an MCHW `weight` (C = input channels
    / `group`), plus an optional per-output-channel `bias`. `pads` holds
    [top, left, bottom, right] as ONNX's [x1_begin, x2_begin, x1_end, x2_end].
    The result shape is checked against the ONNX output-size formula. The
    importer turns `auto_pad` into explicit pads.

    ```mlir
    %y = nn.conv %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,
                             dilations = array<i64: 1, 1>, group = 1 : i64}
        : (tensor<1x3x224x224xf32>, tensor<64x3x3x3xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$input, NN_FloatTensor:$weight,
                   Optional<NN_FloatTensor>:$bias,
                   DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                   DenseI64ArrayAttr:$dilations,
                   ConfinedAttr<I64Attr, [IntPositive]>:$group);
  let results = (outs NN_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def NN_ConvTransposeOp : NN_FunctionalOp<"conv_transpose"> {
  let summary = "2-D transposed convolution with ONNX ConvTranspose semantics";
  let description = [{
    Transposed convolution of an NCHW `input` with a weight of shape
    [C, M / group, kH, kW] and an optional per-output-channel `bias`. The
    result's spatial size is
    `stride * (in - 1) + output_padding + (k - 1) * dilation + 1 - pad_begin - pad_end`.
    The importer resolves `output_shape` and `auto_pad` into explicit pads.
  }];
  let arguments = (ins NN_FloatTensor:$input, NN_FloatTensor:$weight,
                   Optional<NN_FloatTensor>:$bias,
                   DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                   DenseI64ArrayAttr:$dilations,
                   DenseI64ArrayAttr:$output_padding,
                   ConfinedAttr<I64Attr, [IntPositive]>:$group);
  let results = (outs NN_FloatTensor:$result);
  let hasVerifier = 1;
}

#endif // ASCEND_NN_CUBE_OPS
