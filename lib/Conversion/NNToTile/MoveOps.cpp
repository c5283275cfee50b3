//===- MoveOps.cpp - Data-movement nn ops as lists of moves ---------------===//
//
// Each op's result elements are input elements at affine offsets (or a pad
// constant); this file writes those maps down as moves (MoveKernel.h).
// Rearrangements of blocks (depth_to_space, space_to_depth) and tiling
// are transposes of a finer-grained view of the input.
//
//===----------------------------------------------------------------------===//

#include "MoveKernel.h"

#include "GatherKernel.h"

#include "GmType.h"

#include "nn/NNConstants.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ascend;

static ArrayRef<int64_t> shapeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getShape();
}

/// Whether `kernel` only yields its inputs (copies for graph outputs).
static bool isCopyKernel(nn::KernelOp kernel) {
  Block &body = kernel.getBody().front();
  return body.without_terminator().empty() &&
         llvm::all_of(body.getTerminator()->getOperands(),
                      [](Value v) { return isa<BlockArgument>(v); });
}

bool ascend::isMoveKernel(nn::KernelOp kernel) {
  if (isCopyKernel(kernel))
    return true;
  if (isGatherKernel(kernel)) // runtime indices (GatherKernel.cpp)
    return false;
  Block &body = kernel.getBody().front();
  if (!llvm::hasSingleElement(body.without_terminator()))
    return false;
  Operation &op = body.front();
  if (!isa<nn::TransposeOp, nn::ConcatOp, nn::SplitOp, nn::SliceOp,
           nn::ExpandOp, nn::TileOp, nn::PadOp, nn::GatherOp,
           nn::DepthToSpaceOp, nn::SpaceToDepthOp>(op))
    return false;
  auto yield = cast<nn::YieldOp>(body.getTerminator());
  return llvm::equal(yield.getValues(), op.getResults()) &&
         llvm::all_of(op.getOperands(),
                      [](Value v) { return isa<BlockArgument>(v); });
}

/// A move from input `input` onto the row-major box `shape` of the
/// (first) output, reading with `srcStrides` (for a transpose, the input's
/// strides permuted into output order).
static Move toOutput(unsigned input, ArrayRef<int64_t> shape,
                     ArrayRef<int64_t> srcStrides) {
  Move move;
  move.input = input;
  move.shape.assign(shape);
  move.srcStrides.assign(srcStrides);
  move.dstStrides = getRowMajorStrides(shape);
  return move;
}

static unsigned argOf(Value v) { return cast<BlockArgument>(v).getArgNumber(); }

static MoveList getTransposeMoves(nn::TransposeOp op) {
  SmallVector<int64_t> in = getRowMajorStrides(shapeOf(op.getInput()));
  SmallVector<int64_t> strides;
  for (int64_t p : op.getPerm())
    strides.push_back(in[p]);
  return {toOutput(argOf(op.getInput()), shapeOf(op.getResult()), strides)};
}

/// Concat and split: pieces placed along `axis` of the whole tensor.
static MoveList getPieceMoves(ArrayRef<Value> pieces, Value whole, int64_t axis,
                              bool split, unsigned wholeArg) {
  SmallVector<int64_t> wholeStrides = getRowMajorStrides(shapeOf(whole));
  MoveList moves;
  int64_t at = 0;
  for (auto [i, piece] : llvm::enumerate(pieces)) {
    ArrayRef<int64_t> shape = shapeOf(piece);
    Move move;
    move.shape.assign(shape);
    SmallVector<int64_t> pieceStrides = getRowMajorStrides(shape);
    int64_t offset = at * wholeStrides[axis];
    if (split) {
      move.input = wholeArg;
      move.output = i;
      move.srcOffset = offset;
      move.srcStrides = wholeStrides;
      move.dstStrides = pieceStrides;
    } else {
      move.input = argOf(piece);
      move.dstOffset = offset;
      move.srcStrides = pieceStrides;
      move.dstStrides = wholeStrides;
    }
    at += shape[axis];
    moves.push_back(move);
  }
  return moves;
}

static MoveList getSliceMoves(nn::SliceOp op) {
  SmallVector<int64_t> in = getRowMajorStrides(shapeOf(op.getInput()));
  Move move = toOutput(argOf(op.getInput()), shapeOf(op.getResult()), in);
  for (auto [d, start, step] : llvm::enumerate(op.getStarts(), op.getSteps())) {
    move.srcOffset += start * in[d];
    move.srcStrides[d] = step * in[d];
  }
  return {move};
}

static MoveList getExpandMoves(Value input, Value result) {
  ArrayRef<int64_t> inShape = shapeOf(input), outShape = shapeOf(result);
  SmallVector<int64_t> in = getRowMajorStrides(inShape);
  int64_t lead = outShape.size() - inShape.size();
  SmallVector<int64_t> strides(outShape.size(), 0);
  for (size_t d = 0; d < inShape.size(); ++d)
    if (inShape[d] == outShape[lead + d])
      strides[lead + d] = in[d];
  return {toOutput(argOf(input), outShape, strides)};
}

/// Tile: output dimension d seen as [repeats, input extent].
static MoveList getTileMoves(nn::TileOp op) {
  ArrayRef<int64_t> inShape = shapeOf(op.getInput());
  SmallVector<int64_t> in = getRowMajorStrides(inShape);
  SmallVector<int64_t> shape, strides;
  for (auto [d, repeats] : llvm::enumerate(op.getRepeats())) {
    shape.append({repeats, inShape[d]});
    strides.append({0, in[d]});
  }
  return {toOutput(argOf(op.getInput()), shape, strides)};
}

/// DCR: input [N, b, b, C', H, W] to output [N, C', H, b, W, b] (CRD:
/// input [N, C', b, b, H, W]).
static MoveList getDepthToSpaceMoves(nn::DepthToSpaceOp op) {
  ArrayRef<int64_t> s = shapeOf(op.getInput());
  int64_t b = op.getBlocksize(), n = s[0], c = s[1] / (b * b), h = s[2],
          w = s[3];
  bool dcr = op.getMode() == "DCR";
  int64_t hw = h * w;
  int64_t rowBlock = dcr ? b * c * hw : b * hw, colBlock = dcr ? c * hw : hw;
  int64_t channel = dcr ? hw : b * b * hw;
  return {toOutput(argOf(op.getInput()), {n, c, h, b, w, b},
                   {s[1] * hw, channel, w, rowBlock, 1, colBlock})};
}

/// Input [N, C, H', b, W', b] to output [N, b, b, C, H', W'].
static MoveList getSpaceToDepthMoves(nn::SpaceToDepthOp op) {
  ArrayRef<int64_t> s = shapeOf(op.getInput());
  int64_t b = op.getBlocksize(), n = s[0], c = s[1], h = s[2], w = s[3];
  return {toOutput(argOf(op.getInput()), {n, b, b, c, h / b, w / b},
                   {c * h * w, w, 1, h * w, b * w, b})};
}

/// Pad: along each dimension the output is [low pad, body, high pad]; the
/// body reads the input (cropped by negative pads). Constant mode fills
/// the 2 * rank boxes around the body; edge and reflect modes read every
/// combination of segments from the input (stride 0 repeats the edge,
/// negative strides mirror).
static FailureOr<MoveList> getPadMoves(nn::PadOp op) {
  ArrayRef<int64_t> inShape = shapeOf(op.getInput());
  ArrayRef<int64_t> outShape = shapeOf(op.getResult());
  SmallVector<int64_t> in = getRowMajorStrides(inShape);
  SmallVector<int64_t> out = getRowMajorStrides(outShape);
  int64_t rank = inShape.size();
  ArrayRef<int64_t> pads = op.getPads();
  StringRef mode = op.getMode();
  // Per dimension: output start, input start and extent of the body.
  SmallVector<int64_t> outStart, inStart, body;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t lo = pads[d], hi = pads[rank + d];
    outStart.push_back(std::max<int64_t>(0, lo));
    inStart.push_back(std::max<int64_t>(0, -lo));
    body.push_back(inShape[d] - inStart.back() - std::max<int64_t>(0, -hi));
  }
  bool empty = llvm::any_of(body, [](int64_t e) { return e <= 0; });
  MoveList moves;
  if (mode == "constant") {
    auto fill = [&](SmallVector<int64_t> start, SmallVector<int64_t> shape) {
      Move move;
      move.shape = shape;
      move.dstStrides = out;
      move.value = op.getValue().convertToDouble();
      for (int64_t d = 0; d < rank; ++d)
        move.dstOffset += start[d] * out[d];
      moves.push_back(move);
    };
    if (empty) {
      fill(SmallVector<int64_t>(rank, 0), SmallVector<int64_t>(outShape));
      return moves;
    }
    Move move = toOutput(argOf(op.getInput()), body, in);
    for (int64_t d = 0; d < rank; ++d) {
      move.srcOffset += inStart[d] * in[d];
      move.dstOffset += outStart[d] * out[d];
    }
    move.dstStrides = out;
    moves.push_back(move);
    // Box d: the body's range along the dimensions before d, a pad along
    // d, everything after.
    for (int64_t d = 0; d < rank; ++d) {
      SmallVector<int64_t> start(rank, 0), shape(outShape);
      for (int64_t j = 0; j < d; ++j) {
        start[j] = outStart[j];
        shape[j] = body[j];
      }
      shape[d] = outStart[d];
      fill(start, shape);
      start[d] = outStart[d] + body[d];
      shape[d] = outShape[d] - start[d];
      fill(start, shape);
    }
    return moves;
  }
  if (mode != "edge" && mode != "reflect")
    return op.emitError("cannot lower pad mode '") << mode << "' yet";
  if (llvm::any_of(pads, [](int64_t p) { return p < 0; }) || empty)
    return op.emitError("cannot lower ")
           << mode << " pads of an empty or cropped tensor yet";
  bool edge = mode == "edge";
  // Segment k of dimension d: (output start, extent, input start, stride).
  auto segment = [&](int64_t d, int k) -> std::array<int64_t, 4> {
    int64_t lo = pads[d], n = inShape[d];
    if (k == 1)
      return {lo, n, 0, in[d]};
    int64_t extent = k == 0 ? lo : pads[rank + d];
    int64_t start = k == 0 ? 0 : lo + n;
    // Reflect: output lo - 1 - i reads input i + 1; output lo + n + i reads
    // input n - 2 - i.
    int64_t first = edge ? (k == 0 ? 0 : n - 1) : (k == 0 ? extent : n - 2);
    return {start, extent, first, edge ? 0 : -in[d]};
  };
  int64_t combos = 1;
  for (int64_t d = 0; d < rank; ++d)
    combos *= 3;
  for (int64_t c = 0; c < combos; ++c) {
    Move move;
    move.input = argOf(op.getInput());
    move.dstStrides = out;
    for (int64_t d = 0, rest = c; d < rank; ++d, rest /= 3) {
      auto [start, extent, first, stride] = segment(d, rest % 3);
      if (!edge && rest % 3 != 1 && extent >= inShape[d])
        return op.emitError("reflect pads must be shorter than the input");
      move.shape.push_back(extent);
      move.srcStrides.push_back(stride);
      move.dstOffset += start * out[d];
      move.srcOffset += first * in[d];
    }
    moves.push_back(move);
  }
  return moves;
}

/// Gather with constant indices: one move per run of consecutive indices.
/// The output is [data dims before axis, indices, data dims after axis].
static FailureOr<MoveList> getGatherMoves(nn::KernelOp kernel,
                                          nn::GatherOp op) {
  // Move kernels hold gathers of constant (integer) indices.
  auto constant = kernel.getInputs()[argOf(op.getIndices())]
                      .getDefiningOp<nn::ConstantOp>();
  std::optional<SmallVector<int64_t>> indices = nn::getIntValues(
      constant.getValue(), std::numeric_limits<int64_t>::max());
  if (!indices)
    return op.emitError("cannot read the gather's constant indices");
  ArrayRef<int64_t> shape = shapeOf(op.getData());
  int64_t axis = op.getAxis(), dim = shape[axis];
  SmallVector<int64_t> in = getRowMajorStrides(shape);
  int64_t count = indices->size();
  MoveList moves;
  for (int64_t p = 0; p < count;) {
    int64_t first = (*indices)[p];
    first += first < 0 ? dim : 0;
    int64_t run = 1;
    while (p + run < count) {
      int64_t next = (*indices)[p + run];
      if (next + (next < 0 ? dim : 0) != first + run)
        break;
      ++run;
    }
    Move move;
    move.input = argOf(op.getData());
    move.shape.assign(shape);
    move.shape[axis] = run;
    move.srcStrides = in;
    move.srcOffset = first * in[axis];
    move.dstStrides = in;
    for (int64_t d = 0; d < axis; ++d)
      move.dstStrides[d] = in[d] / dim * count;
    move.dstOffset = p * in[axis];
    moves.push_back(move);
    p += run;
  }
  if (moves.size() > 64)
    return op.emitError("cannot lower a gather of ")
           << moves.size() << " index runs yet (at most 64)";
  return moves;
}

FailureOr<MoveList> ascend::getMoves(nn::KernelOp kernel) {
  // Copies move the stored elements, whatever their layout.
  if (isCopyKernel(kernel)) {
    MoveList moves;
    for (auto [i, v] : llvm::enumerate(
             kernel.getBody().front().getTerminator()->getOperands())) {
      Move move;
      move.input = argOf(v);
      move.output = i;
      move.shape = {getStoredNumElements(v.getType())};
      move.srcStrides = move.dstStrides = {1};
      moves.push_back(move);
    }
    return moves;
  }
  Operation &op = kernel.getBody().front().front();
  for (Type t : llvm::concat<Type>(op.getOperandTypes(), op.getResultTypes()))
    if (cast<RankedTensorType>(t).getEncoding())
      return op.emitError("cannot move tensors in a packed layout yet");
  if (auto gather = dyn_cast<nn::GatherOp>(op))
    return getGatherMoves(kernel, gather);
  if (auto pad = dyn_cast<nn::PadOp>(op))
    return getPadMoves(pad);
  return llvm::TypeSwitch<Operation *, MoveList>(&op)
      .Case([](nn::TransposeOp t) { return getTransposeMoves(t); })
      .Case([](nn::ConcatOp c) {
        SmallVector<Value> inputs(c.getInputs());
        return getPieceMoves(inputs, c.getResult(), c.getAxis(),
                             /*split=*/false, 0);
      })
      .Case([](nn::SplitOp s) {
        SmallVector<Value> results(s.getResults());
        return getPieceMoves(results, s.getInput(), s.getAxis(),
                             /*split=*/true, argOf(s.getInput()));
      })
      .Case([](nn::SliceOp s) { return getSliceMoves(s); })
      .Case([](nn::ExpandOp e) {
        return getExpandMoves(e.getInput(), e.getResult());
      })
      .Case([](nn::TileOp t) { return getTileMoves(t); })
      .Case([](nn::DepthToSpaceOp d) { return getDepthToSpaceMoves(d); })
      .Case([](nn::SpaceToDepthOp s) { return getSpaceToDepthMoves(s); })
      .Default([](Operation *) { return MoveList(); });
}
