//===- NNShapeOps.td - Constants and data-movement ops -------*- tablegen -*-===//
//
// Ops that create, reshape, reorder or select tensor elements. ONNX inputs
// that some opsets take as attributes and others as tensors (Slice starts,
// Pad pads, Squeeze axes, Resize scales, Split sizes, ...) are attributes
// here: the importer normalizes every opset to that form.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_NN_SHAPE_OPS
#define ASCEND_NN_SHAPE_OPS

def NN_ConstantOp : NN_Op<"constant", [Pure, ConstantLike,
    AllTypesMatch<["value", "result"]>]> {
  let summary = "A constant tensor";
  let description = [{
    Weights and other constants. The importer stores large ones as
    `dense_resource` blobs so the IR stays small, and small ones inline.

    ```mlir
    %w = nn.constant dense_resource<conv1.weight> : tensor<64x3x7x7xf32>
    %s = nn.constant dense<[1, -1]> : tensor<2xi64>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs NN_AnyTensor:$result);
  let assemblyFormat = "$value attr-dict";
  let hasFolder = 1;
}

def NN_ShapeOp : NN_FunctionalOp<"shape"> {
  let summary = "The shape of a tensor as a 1-D i64 tensor";
  let description = [{
    Shapes are static, so this always folds to a constant; it exists so that
    shape subgraphs can be written and folded (`--nn-fold-constants`).
  }];
  let arguments = (ins NN_AnyTensor:$input);
  let results = (outs StaticShapeTensorOf<[I64]>:$result);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_SizeOp : NN_FunctionalOp<"size"> {
  let summary = "The number of elements of a tensor as an i64 scalar";
  let arguments = (ins NN_AnyTensor:$input);
  let results = (outs 0DTensorOf<[I64]>:$result);
  let hasFolder = 1;
}

def NN_ReshapeOp : NN_FunctionalOp<"reshape"> {
  let summary = "Reinterprets a tensor with the result's shape";
  let description = [{
    The element count stays the same; the target shape is the result type.
    ONNX Reshape, Flatten, Squeeze and Unsqueeze all import as this op.
  }];
  let arguments = (ins NN_AnyTensor:$input);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def NN_TransposeOp : NN_FunctionalOp<"transpose"> {
  let summary = "Permutes the dimensions of a tensor";
  let description = "Result dimension `i` is input dimension `perm[i]`.";
  let arguments = (ins NN_AnyTensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def NN_ConcatOp : NN_FunctionalOp<"concat"> {
  let summary = "Joins tensors along one axis";
  let arguments = (ins Variadic<NN_AnyTensor>:$inputs, I64Attr:$axis);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_SplitOp : NN_FunctionalOp<"split"> {
  let summary = "Splits a tensor into pieces along one axis";
  let description = [{
    The pieces' sizes along `axis` are those of the result types; they add up
    to the input's size. ONNX's `split` attribute, `split` input and
    `num_outputs` all import as this form.
  }];
  let arguments = (ins NN_AnyTensor:$input, I64Attr:$axis);
  let results = (outs Variadic<NN_AnyTensor>:$results);
  let hasVerifier = 1;
}

def NN_SliceOp : NN_FunctionalOp<"slice"> {
  let summary = "Strided slice";
  let description = [{
    `starts`, `ends` and `steps` have one entry per dimension, clamped per
    ONNX rules: for a positive step 0 <= start <= end <= dim; for a negative
    step -1 <= end <= start <= dim - 1 (an end of -1 runs to the front).
  }];
  let arguments = (ins NN_AnyTensor:$input, DenseI64ArrayAttr:$starts,
                   DenseI64ArrayAttr:$ends, DenseI64ArrayAttr:$steps);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_GatherOp : NN_FunctionalOp<"gather"> {
  let summary = "Gathers slices along one axis by index";
  let description = [{
    ONNX Gather: the result shape is `data.shape[:axis] + indices.shape +
    data.shape[axis+1:]`. Negative indices count from the end.
  }];
  let arguments = (ins NN_AnyTensor:$data, NN_IntTensor:$indices,
                   I64Attr:$axis);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_GatherElementsOp : NN_FunctionalOp<"gather_elements"> {
  let summary = "Gathers elements along one axis by a same-rank index tensor";
  let description = [{
    ONNX GatherElements: `result[p, j, q] = data[p, indices[p, j, q], q]`
    with `j` the position along `axis`; the result has the indices' shape
    (every dimension but `axis` at most the data's). Negative indices count
    from the end.
  }];
  let arguments = (ins NN_AnyTensor:$data, NN_IntTensor:$indices,
                   I64Attr:$axis);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
}

def NN_GatherNDOp : NN_FunctionalOp<"gather_nd"> {
  let summary = "Gathers slices by index tuples";
  let description = [{
    ONNX GatherND: with `b = batch_dims`, `indices` [B..., M..., k] selects
    for every batch position and every `M` position the slice
    `data[B..., i_1, ..., i_k, :]`; the result is
    `indices.shape[:-1] + data.shape[b + k:]`. Negative indices count from
    the end.
  }];
  let arguments = (ins NN_AnyTensor:$data, NN_IntTensor:$indices,
                   I64Attr:$batch_dims);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
}

def NN_PadOp : NN_FunctionalOp<"pad"> {
  let summary = "Pads a tensor";
  let description = [{
    `pads` holds the begin pads of every dimension, then the end pads
    (negative values crop). `mode` is `constant` (filled with `value`),
    `reflect` or `edge`.
  }];
  let arguments = (ins NN_AnyTensor:$input, DenseI64ArrayAttr:$pads,
                   DefaultValuedAttr<StrAttr, "\"constant\"">:$mode,
                   DefaultValuedAttr<F32Attr, "0.0">:$value);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
}

def NN_ResizeOp : NN_FunctionalOp<"resize"> {
  let summary = "Resizes a tensor by interpolation (ONNX Resize, Upsample)";
  let description = [{
    `scales` has one factor per dimension; the result type gives the output
    size, `floor(in * scale)` (or the ONNX `sizes` it was derived from: the
    scale is then `out / in` rounded to f32). `mode` is `nearest`, `linear` or `cubic`;
    `coordinate_transformation_mode`, `nearest_mode`, `cubic_coeff_a` and
    `exclude_outside` follow ONNX Resize.
  }];
  let arguments = (ins NN_FloatTensor:$input, DenseF32ArrayAttr:$scales,
                   StrAttr:$mode, StrAttr:$coordinate_transformation_mode,
                   StrAttr:$nearest_mode,
                   DefaultValuedAttr<F32Attr, "-0.75">:$cubic_coeff_a,
                   DefaultValuedAttr<BoolAttr, "false">:$exclude_outside);
  let results = (outs NN_FloatTensor:$result);
  let hasVerifier = 1;
}

def NN_ExpandOp : NN_FunctionalOp<"expand"> {
  let summary = "Broadcasts a tensor to a larger shape";
  let description = [{
    ONNX Expand; the target shape is the result type, which must be the
    broadcast of the input shape and itself.
  }];
  let arguments = (ins NN_AnyTensor:$input);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_TileOp : NN_FunctionalOp<"tile"> {
  let summary = "Repeats a tensor along each dimension";
  let arguments = (ins NN_AnyTensor:$input, DenseI64ArrayAttr:$repeats);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
}

def NN_RangeOp : NN_FunctionalOp<"range"> {
  let summary = "A 1-D sequence start, start + delta, ... below limit";
  let description = [{
    The operands are scalars; the result length is
    `max(ceil((limit - start) / delta), 0)`. Folds when they are constants.
  }];
  let arguments = (ins NN_NumericTensor:$start, NN_NumericTensor:$limit,
                   NN_NumericTensor:$delta);
  let results = (outs NN_NumericTensor:$result);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_DepthToSpaceOp : NN_FunctionalOp<"depth_to_space"> {
  let summary = "Moves channel blocks into spatial blocks";
  let description = [{
    [N, C, H, W] -> [N, C / b^2, H * b, W * b] with `mode` `DCR` (depth,
    column, row) or `CRD`.
  }];
  let arguments = (ins NN_AnyTensor:$input,
                   ConfinedAttr<I64Attr, [IntPositive]>:$blocksize,
                   DefaultValuedAttr<StrAttr, "\"DCR\"">:$mode);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
}

def NN_SpaceToDepthOp : NN_FunctionalOp<"space_to_depth"> {
  let summary = "Moves spatial blocks into channels";
  let description = "[N, C, H, W] -> [N, C * b^2, H / b, W / b].";
  let arguments = (ins NN_AnyTensor:$input,
                   ConfinedAttr<I64Attr, [IntPositive]>:$blocksize);
  let results = (outs NN_AnyTensor:$result);
  let hasVerifier = 1;
}

#endif // ASCEND_NN_SHAPE_OPS
