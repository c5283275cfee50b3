//===- NNNormalizationOps.td - Normalization ops -------------*- tablegen -*-===//

#ifndef ASCEND_NN_NORMALIZATION_OPS
#define ASCEND_NN_NORMALIZATION_OPS

def NN_BatchNormOp : NN_FunctionalOp<"batch_norm"> {
  let summary = "Batch normalization in inference mode";
  let description = [{
    `y = scale * (x - mean) / sqrt(var + epsilon) + bias` with the four
    per-channel operands indexed by dimension 1 of `input`. Training mode is
    rejected by the importer.
  }];
  let arguments = (ins NN_FloatTensor:$input, NN_FloatTensor:$scale,
                   NN_FloatTensor:$bias, NN_FloatTensor:$mean,
                   NN_FloatTensor:$variance, F32Attr:$epsilon);
  let results = (outs NN_FloatTensor:$result);
  let hasVerifier = 1;
}

def NN_InstanceNormOp : NN_FunctionalOp<"instance_norm"> {
  let summary = "Instance normalization";
  let description = [{
    Normalizes each (n, c) slice over the spatial dimensions, then applies the
    per-channel `scale` and `bias`.
  }];
  let arguments = (ins NN_FloatTensor:$input, NN_FloatTensor:$scale,
                   NN_FloatTensor:$bias, F32Attr:$epsilon);
  let results = (outs NN_FloatTensor:$result);
  let hasVerifier = 1;
}

def NN_LayerNormOp : NN_FunctionalOp<"layer_norm"> {
  let summary = "Layer normalization (ONNX opset 17)";
  let description = [{
    Normalizes over dimensions [`axis`, rank) and applies `scale` and the
    optional `bias`, which broadcast to that trailing shape. `axis` is
    non-negative. `stats` is empty or ONNX's Mean and InvStdDev outputs
    (`1 / sqrt(variance + epsilon)`), shaped like `input` with the
    normalized dimensions of size 1.
  }];
  let arguments = (ins NN_FloatTensor:$input, NN_FloatTensor:$scale,
                   Optional<NN_FloatTensor>:$bias, I64Attr:$axis,
                   F32Attr:$epsilon);
  let results = (outs NN_FloatTensor:$result, Variadic<NN_FloatTensor>:$stats);
  let hasVerifier = 1;
}

#endif // ASCEND_NN_NORMALIZATION_OPS
