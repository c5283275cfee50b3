//===- NNElementwiseOps.td - Elementwise ops -----------------*- tablegen -*-===//
//
// Unary, binary (ONNX broadcasting), comparison, logical and selection ops.
// Variadic ONNX ops (Sum, Mean, Max, Min) are imported as chains of binary
// ops, so each op here has a fixed arity.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_NN_ELEMENTWISE_OPS
#define ASCEND_NN_ELEMENTWISE_OPS

class NN_BinaryElementwiseOp<string mnemonic, string what,
                             Type tensor = NN_NumericTensor>
    : NN_Op<mnemonic, [Pure]> {
  let summary = "Elementwise " # what # " with ONNX broadcasting";
  let description = [{
    Computes `}] # what # [{` of `lhs` and `rhs` element by element. Operand
    shapes broadcast per ONNX (numpy) rules; the result has the broadcast
    shape and the operands' element type.
  }];
  let arguments = (ins tensor:$lhs, tensor:$rhs);
  let results = (outs tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::nn::verifyBroadcastingOp(getOperation());
    }
  }];
}

def NN_AddOp : NN_BinaryElementwiseOp<"add", "+">;
def NN_SubOp : NN_BinaryElementwiseOp<"sub", "-">;
def NN_MulOp : NN_BinaryElementwiseOp<"mul", "*">;
def NN_DivOp : NN_BinaryElementwiseOp<"div", "/">;
def NN_PowOp : NN_BinaryElementwiseOp<"pow", "pow">;
def NN_MaxOp : NN_BinaryElementwiseOp<"max", "max", NN_OrderedTensor>;
def NN_MinOp : NN_BinaryElementwiseOp<"min", "min", NN_OrderedTensor>;

class NN_CompareOp<string mnemonic, string what>
    : NN_Op<mnemonic, [Pure]> {
  let summary = "Elementwise " # what # " comparison with ONNX broadcasting";
  let description = [{
    Compares `lhs }] # what # [{ rhs` element by element after broadcasting
    the operands; the result is an i1 tensor of the broadcast shape.
  }];
  let arguments = (ins NN_AnyTensor:$lhs, NN_AnyTensor:$rhs);
  let results = (outs NN_BoolTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::nn::verifyBroadcastingOp(getOperation(),
                                                /*boolResult=*/true);
    }
  }];
}

def NN_EqualOp : NN_CompareOp<"equal", "==">;
def NN_LessOp : NN_CompareOp<"less", "<">;
def NN_GreaterOp : NN_CompareOp<"greater", ">">;

class NN_LogicalOp<string mnemonic, string what> : NN_Op<mnemonic, [Pure]> {
  let summary = "Elementwise logical " # what # " with ONNX broadcasting";
  let description = "Computes `lhs " # what # " rhs` on i1 tensors.";
  let arguments = (ins NN_BoolTensor:$lhs, NN_BoolTensor:$rhs);
  let results = (outs NN_BoolTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::nn::verifyBroadcastingOp(getOperation());
    }
  }];
}

def NN_AndOp : NN_LogicalOp<"and", "and">;
def NN_OrOp : NN_LogicalOp<"or", "or">;

def NN_NotOp : NN_Op<"not", [Pure, Elementwise, SameOperandsAndResultType]> {
  let summary = "Elementwise logical negation";
  let arguments = (ins NN_BoolTensor:$input);
  let results = (outs NN_BoolTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasFolder = 1;
}

def NN_PReluOp : NN_Op<"prelu", [Pure]> {
  let summary = "Parametric ReLU";
  let description = [{
    `y = x < 0 ? slope * x : x`; `slope` broadcasts to the shape of `input`
    (unidirectional broadcasting), and the result has the input's type.
  }];
  let arguments = (ins NN_FloatTensor:$input, NN_FloatTensor:$slope);
  let results = (outs NN_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $slope attr-dict `:` type($input) `,` type($slope) `->` type($result)
  }];
  let hasVerifier = 1;
}

def NN_WhereOp : NN_Op<"where", [Pure]> {
  let summary = "Elementwise selection with ONNX broadcasting";
  let description = [{
    `y = condition ? lhs : rhs`; the three operands broadcast together.
  }];
  let arguments = (ins NN_BoolTensor:$condition, NN_AnyTensor:$lhs,
                   NN_AnyTensor:$rhs);
  let results = (outs NN_AnyTensor:$result);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

class NN_UnaryOp<string mnemonic, string formula, Type tensor,
                 list<Trait> traits = []>
    : NN_Op<mnemonic, !listconcat([Pure, Elementwise,
                                   SameOperandsAndResultType], traits)> {
  let summary = "Elementwise " # formula;
  let description = "Computes `y = " # formula # "` element by element.";
  let arguments = (ins tensor:$input);
  let results = (outs tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

class NN_UnaryFloatOp<string mnemonic, string formula>
    : NN_UnaryOp<mnemonic, formula, NN_FloatTensor>;

def NN_ReluOp : NN_UnaryFloatOp<"relu", "max(x, 0)">;
def NN_SigmoidOp : NN_UnaryFloatOp<"sigmoid", "1 / (1 + exp(-x))">;
def NN_TanhOp : NN_UnaryFloatOp<"tanh", "tanh(x)">;
def NN_ExpOp : NN_UnaryFloatOp<"exp", "exp(x)">;
def NN_LogOp : NN_UnaryFloatOp<"log", "log(x)">;
def NN_SqrtOp : NN_UnaryFloatOp<"sqrt", "sqrt(x)">;
def NN_ErfOp : NN_UnaryFloatOp<"erf", "erf(x)">;
def NN_ReciprocalOp : NN_UnaryFloatOp<"reciprocal", "1 / x">;
def NN_FloorOp : NN_UnaryFloatOp<"floor", "floor(x)">;
def NN_CeilOp : NN_UnaryFloatOp<"ceil", "ceil(x)">;
def NN_SoftplusOp : NN_UnaryFloatOp<"softplus", "log(1 + exp(x))">;
def NN_SoftsignOp : NN_UnaryFloatOp<"softsign", "x / (1 + |x|)">;
def NN_HardSwishOp : NN_UnaryFloatOp<"hard_swish",
                                     "x * max(0, min(1, x / 6 + 1 / 2))">;
def NN_SinOp : NN_UnaryFloatOp<"sin", "sin(x)">;
def NN_CosOp : NN_UnaryFloatOp<"cos", "cos(x)">;
def NN_SignOp : NN_UnaryFloatOp<"sign", "x > 0 ? 1 : (x < 0 ? -1 : x)">;
def NN_NegOp : NN_UnaryOp<"neg", "-x", NN_NumericTensor> {
  let hasFolder = 1;
}
def NN_AbsOp : NN_UnaryOp<"abs", "|x|", NN_NumericTensor> {
  let hasFolder = 1;
}

class NN_UnaryFloatAttrOp<string mnemonic, string formula, dag attrs>
    : NN_UnaryFloatOp<mnemonic, formula> {
  let arguments = !con((ins NN_FloatTensor:$input), attrs);
}

def NN_LeakyReluOp : NN_UnaryFloatAttrOp<"leaky_relu",
    "x < 0 ? alpha * x : x", (ins F32Attr:$alpha)>;
def NN_EluOp : NN_UnaryFloatAttrOp<"elu",
    "x < 0 ? alpha * (exp(x) - 1) : x", (ins F32Attr:$alpha)>;
def NN_SeluOp : NN_UnaryFloatAttrOp<"selu",
    "gamma * (x <= 0 ? alpha * (exp(x) - 1) : x)",
    (ins F32Attr:$alpha, F32Attr:$gamma)>;
def NN_HardSigmoidOp : NN_UnaryFloatAttrOp<"hard_sigmoid",
    "max(0, min(1, alpha * x + beta))", (ins F32Attr:$alpha, F32Attr:$beta)>;
def NN_ThresholdedReluOp : NN_UnaryFloatAttrOp<"thresholded_relu",
    "x > alpha ? x : 0", (ins F32Attr:$alpha)>;

def NN_ClipOp : NN_UnaryOp<"clip", "min(max(x, min), max)", NN_NumericTensor> {
  let description = [{
    Clamps every element to [`min`, `max`]; a missing bound is unbounded.
    ONNX Clip before opset 11 takes the bounds as attributes and later as
    optional inputs; the importer normalizes both to attributes, so bounds
    must be constants.
  }];
  let arguments = (ins NN_NumericTensor:$input, OptionalAttr<F32Attr>:$min,
                   OptionalAttr<F32Attr>:$max);
  let hasVerifier = 1;
}

def NN_CastOp : NN_Op<"cast", [Pure, SameOperandsAndResultShape]> {
  let summary = "Elementwise element-type conversion";
  let description = [{
    Converts every element to the result's element type with ONNX Cast
    semantics (float to integer truncates toward zero; to i1 is `x != 0`).
  }];
  let arguments = (ins NN_AnyTensor:$input);
  let results = (outs NN_AnyTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasFolder = 1;
}

def NN_IdentityOp : NN_UnaryOp<"identity", "x", NN_AnyTensor> {
  let description = [{
    ONNX Identity. Kept by the importer so that imported IR mirrors the
    graph; canonicalization folds it away.
  }];
  let hasFolder = 1;
}

def NN_DropoutOp : NN_UnaryFloatOp<"dropout", "x"> {
  let description = [{
    ONNX Dropout in inference mode, which is the identity; `ratio` is kept
    for reference. Canonicalization folds it away.
  }];
  let arguments = (ins NN_FloatTensor:$input, DefaultValuedAttr<F32Attr, "0.5">:$ratio);
  let hasFolder = 1;
}

#endif // ASCEND_NN_ELEMENTWISE_OPS
