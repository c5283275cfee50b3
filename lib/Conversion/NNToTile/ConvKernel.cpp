//===- ConvKernel.cpp - Tile kernels for nn.conv nn.kernels ---------------===//
//
// Y = conv(X, W) (+ bias, + elementwise epilogue) on the cube as img2col +
// matrix multiply, with X and Y in NC1HWC0 (C0 = 32 / element size):
//
// - Groups are packed into "super-groups" of gs consecutive groups whose
//   input and output channels start on C0 boundaries; one super-group is one
//   matrix product with block-diagonal weights (zero outside each group), so
//   depthwise and narrow groups share fractals instead of padding each group
//   to a whole C0 block.
// - Work units (image, super-group, Cout tile of nt columns, tile of r whole
//   output rows) are dealt round robin to all blocks. A row tile's input
//   window (the input rows its outputs need, clipped to the image) is copied
//   gm -> L1 per K step; the vertical padding a clipped window lacks is
//   load3d's pad_t / pad_b, so tiles at the top and bottom edges are their
//   own (static) variants and the uniform middle tiles share one loop.
// - When not even one whole row fits, a tile is a piece of one row (column
//   tiles): its window is the columns its pixels read, halo included,
//   clipped to the map, and the clipped part is load3d's pad_l / pad_r, so
//   the left, middle and right pieces are column variants.
// - K runs over chunks of c1k channel groups (loop, window copied per chunk)
//   and, when one group's taps do not fit L0A, static chunks of tpc taps.
//   Each step: weights gm -> L1 -> L0B (packed on the host in exact ZN
//   order, one contiguous run per step), img2col L1 -> L0A (tile.img2col,
//   isa.load3d), mmad (the first step initializes L0C). Steps alternate
//   between two buffer sets, so copies and loads overlap the cube.
// - Row-tile variants are separate loops a block may skip; a fence of small
//   dependent ops through all pipes separates them so that sync insertion
//   can reuse event ids.
// - L0C -> ub, then bias / per-channel constants (pre-broadcast on the host
//   into the ub tile layout [nt/16][mt][16]), residual tiles (copied from gm
//   NC1HWC0 into the same layout) and the epilogue's vector ops; padding
//   output channels are forced to zero (a 0/1 mask row) when the epilogue
//   does not keep zeros; the tile's C0-channel blocks go back to gm.
// - In mixed precision, when a later conv reads the result, the epilogue
//   also converts the tile (vconv) and writes its 16-channel columns as
//   that conv's f16 nc1hwc0 input (C0 = 16), instead of a stage kernel
//   launched before the consumer re-reading the f32 result.
//
//===----------------------------------------------------------------------===//

#include "ConvKernel.h"

#include "BlockSplit.h"
#include "ConvBiasKernel.h"
#include "ConvInputStage.h"
#include "ConvWeightKernel.h"
#include "ElementwiseOps.h"
#include "GmType.h"
#include "TileBuilder.h"

#include "nn/NNConstants.h"
#include "nn/NNLayout.h"
#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include <limits>
#include <numeric>

using namespace mlir;
using namespace ascend;

bool ascend::isConvKernel(nn::KernelOp kernel) {
  for (Operation &op : kernel.getBody().front())
    if (isa<nn::ConvOp>(op))
      return true;
  return false;
}

namespace {
/// What the kernel computes, read from the nn.kernel body.
struct ConvProblem {
  int64_t n = 0, cin = 0, h = 0, w = 0, cout = 0, kh = 0, kw = 0;
  int64_t sh = 1, sw = 1, pt = 0, pl = 0, pb = 0, pr = 0, dh = 1, dw = 1;
  int64_t groups = 1, oh = 0, ow = 0;
  Type elem;
  RankedTensorType inputType, resultType;
  unsigned xInput = 0;
  /// The kernel input of runtime weights (NC1HWC0), packed by a prelude.
  std::optional<unsigned> wInput;
  /// The kernel input of a runtime bias ([Cout]), broadcast by a prelude.
  std::optional<unsigned> biasInput;
  /// [cout][cin / groups][kh][kw], for constant weights
  SmallVector<double> weight;
  /// Per-channel rows of cout values: the bias first (if any), then the
  /// per-channel operands of epilogue ops, then the padding mask (if any).
  SmallVector<SmallVector<double>> rows;
  bool hasBias = false, hasMask = false;
  SmallVector<Operation *> epilogue;
  SmallVector<std::optional<double>> scalars;
  /// (epilogue op, operand #) -> index into `rows`.
  DenseMap<std::pair<Operation *, unsigned>, unsigned> rowOperands;
  /// (epilogue op, operand #) -> index into `residuals`.
  DenseMap<std::pair<Operation *, unsigned>, unsigned> residualOperands;
  /// Kernel inputs of the result's type read by the epilogue.
  SmallVector<unsigned> residuals;
  unsigned scratchCount = 0;
};
} // namespace

/// A constant with one value per output channel ([C], [C, 1, 1] or
/// [1, C, 1, 1] broadcast against [N, C, H, W], or a single value), as C
/// values.
static std::optional<SmallVector<double>>
getChannelRow(nn::KernelOp kernel, Value v, int64_t c, bool plainVector) {
  auto values = getKernelConstant(kernel, v);
  auto type = dyn_cast<RankedTensorType>(v.getType());
  if (!values || !type)
    return std::nullopt;
  if (values->size() == 1)
    return SmallVector<double>(c, (*values)[0]);
  ArrayRef<int64_t> shape = type.getShape();
  if ((int64_t)values->size() != c || shape.size() > 4)
    return std::nullopt;
  if (plainVector && shape.size() == 1)
    return values;
  SmallVector<int64_t> padded(4 - shape.size(), 1);
  padded.append(shape.begin(), shape.end());
  if (padded[0] != 1 || padded[1] != c || padded[2] != 1 || padded[3] != 1)
    return std::nullopt;
  return values;
}

/// Whether `op` maps zero padding channels to zero (so no mask is needed).
static bool keepsZeros(Operation *op, const ConvProblem &p) {
  if (isa<nn::ReluOp, nn::MulOp>(op))
    return true;
  if (!isa<nn::AddOp, nn::SubOp>(op))
    return false;
  // Residuals and per-channel rows are zero in padding channels; splats
  // are not.
  for (unsigned i = 0; i < op->getNumOperands(); ++i) {
    auto arg = dyn_cast<BlockArgument>(op->getOperand(i));
    if (arg && p.scalars[arg.getArgNumber()])
      return false;
  }
  return true;
}

std::optional<unsigned> ascend::getConvF16Input(nn::KernelOp kernel,
                                                bool mixed) {
  auto conv = dyn_cast<nn::ConvOp>(&kernel.getBody().front().front());
  if (!mixed || !conv || !getElementTypeOrSelf(conv.getType()).isF32())
    return std::nullopt;
  auto x = dyn_cast<BlockArgument>(conv.getInput());
  if (!x || !getKernelConstant(kernel, conv.getWeight()))
    return std::nullopt;
  return x.getArgNumber();
}

/// With `f16Copy`, padding channels up to a multiple of 16 must be zero too
/// (they are the f16 copy's padding channels).
static FailureOr<ConvProblem> analyze(nn::KernelOp kernel,
                                      ArrayRef<std::optional<double>> scalars,
                                      bool f16Copy) {
  auto conv = dyn_cast<nn::ConvOp>(&kernel.getBody().front().front());
  ConvProblem p;
  p.scalars.assign(scalars.begin(), scalars.end());
  if (!conv)
    return kernel.emitError("a conv kernel must start with its nn.conv");
  auto fail = [&](const Twine &what) {
    return conv.emitError() << "cannot lower nn.conv to the cube: " << what;
  };
  auto xType = cast<RankedTensorType>(conv.getInput().getType());
  auto yType = cast<RankedTensorType>(conv.getType());
  auto wType = cast<RankedTensorType>(conv.getWeight().getType());
  if (xType.getRank() != 4 || wType.getRank() != 4)
    return fail("only 2-D convolutions (4-D input and weights) are supported");
  if (nn::getLayout(xType) != nn::Layout::NC1HWC0 ||
      nn::getLayout(yType) != nn::Layout::NC1HWC0)
    return fail("input and result must be in the nc1hwc0 layout (run the "
                "layout assignment first)");
  p.elem = yType.getElementType();
  if (!p.elem.isF32() && !p.elem.isF16())
    return fail("element type must be f16 or f32");
  if (xType.getElementType() != p.elem)
    return fail("input and result element types differ");
  p.inputType = xType;
  p.resultType = yType;
  p.n = xType.getDimSize(0);
  p.cin = xType.getDimSize(1);
  p.h = xType.getDimSize(2);
  p.w = xType.getDimSize(3);
  p.cout = wType.getDimSize(0);
  p.kh = wType.getDimSize(2);
  p.kw = wType.getDimSize(3);
  p.sh = conv.getStrides()[0];
  p.sw = conv.getStrides()[1];
  // nn pads are [top, left, bottom, right].
  p.pt = conv.getPads()[0];
  p.pl = conv.getPads()[1];
  p.pb = conv.getPads()[2];
  p.pr = conv.getPads()[3];
  p.dh = conv.getDilations()[0];
  p.dw = conv.getDilations()[1];
  p.groups = conv.getGroup();
  p.oh = yType.getDimSize(2);
  p.ow = yType.getDimSize(3);
  for (int64_t v : {p.kh, p.kw, p.sh, p.sw, p.dh, p.dw})
    if (v > 255)
      return fail("kernel, stride and dilation must be at most 255 (load3d)");
  for (int64_t v : {p.pt, p.pl, p.pb, p.pr})
    if (v > 255)
      return fail("pads must be at most 255 (load3d)");
  auto xArg = dyn_cast<BlockArgument>(conv.getInput());
  if (!xArg)
    return fail("the input must be a kernel input");
  p.xInput = xArg.getArgNumber();
  if (auto weights = getKernelConstant(kernel, conv.getWeight())) {
    p.weight = std::move(*weights);
  } else {
    auto wArg = dyn_cast<BlockArgument>(conv.getWeight());
    if (!wArg)
      return fail("the weights must be a kernel input");
    if (p.groups != 1)
      return fail("runtime weights are supported only for group 1 (group " +
                  Twine(p.groups) + ")");
    if (nn::getLayout(wType) != nn::Layout::NC1HWC0)
      return fail("runtime weights must be in the nc1hwc0 layout (run the "
                  "layout assignment first)");
    if (wType.getElementType() != p.elem)
      return fail("weight and result element types differ");
    p.wInput = wArg.getArgNumber();
  }
  if (Value bias = conv.getBias()) {
    auto row = getChannelRow(kernel, bias, p.cout, /*plainVector=*/true);
    auto biasArg = dyn_cast<BlockArgument>(bias);
    if (row) {
      p.rows.push_back(std::move(*row));
    } else if (biasArg &&
               !cast<RankedTensorType>(bias.getType()).getEncoding()) {
      // Broadcast into its row tiles by a prelude; this row is unused.
      p.biasInput = biasArg.getArgNumber();
      p.rows.push_back(SmallVector<double>(p.cout, 0.0));
    } else {
      return fail("the bias must be a constant or a kernel input of Cout "
                  "values");
    }
    p.hasBias = true;
  }

  // Epilogue: a chain of elementwise ops on the convolution.
  FailureOr<SmallVector<Operation *>> epilogue = walkEpilogue(
      kernel, scalars, "a conv kernel",
      [&](Operation *op, unsigned i, Value operand) -> LogicalResult {
        auto arg = dyn_cast<BlockArgument>(operand);
        if (arg && operand.getType() == yType &&
            !kernel.getInputs()[arg.getArgNumber()]
                 .getDefiningOp<nn::ConstantOp>()) {
          p.residualOperands[{op, i}] = p.residuals.size();
          p.residuals.push_back(arg.getArgNumber());
          return success();
        }
        auto row = getChannelRow(kernel, operand, p.cout, false);
        if (!row)
          return op->emitError()
                 << "cannot lower " << op->getName()
                 << " in a convolution epilogue: operand #" << i
                 << " must be a splat, a per-channel constant or a tensor of "
                    "the convolution's type";
        p.rowOperands[{op, i}] = p.rows.size();
        p.rows.push_back(std::move(*row));
        return success();
      });
  if (failed(epilogue))
    return failure();
  p.epilogue = std::move(*epilogue);
  for (Operation *op : p.epilogue)
    p.scratchCount = std::max(p.scratchCount, scratchCount(op, p.scalars));
  int64_t c0 = f16Copy ? 16 : nn::getBlockElements(p.elem);
  if (p.cout % c0 && !llvm::all_of(p.epilogue, [&](Operation *op) {
        return keepsZeros(op, p);
      })) {
    p.rows.push_back(SmallVector<double>(p.cout, 1.0));
    p.hasMask = true;
  }
  return p;
}

namespace {
/// A run of consecutive tiles along one spatial axis (row tiles, or column
/// tiles of a row) that share one static variant.
struct TileRun {
  int64_t t0 = 0, len = 0;
  /// Output rows (columns), the padding load3d adds before and after, and
  /// the input window's rows (columns).
  int64_t out = 0, padLo = 0, padHi = 0, in = 0;
};

/// The largest input window of `runs`.
static int64_t maxWindow(ArrayRef<TileRun> runs) {
  int64_t m = 0;
  for (const TileRun &run : runs)
    m = std::max(m, run.in);
  return m;
}

/// The runs of tiles of `tile` outputs along an axis of `outSize` outputs
/// read from `inSize` inputs by a kernel of `k` taps (stride `s`, dilation
/// `d`, padding `pad` before). Each tile's window is its inputs clipped to
/// the map; the clipped part is load3d's padding of that tile.
static SmallVector<TileRun> tileRuns(int64_t outSize, int64_t tile,
                                     int64_t inSize, int64_t k, int64_t s,
                                     int64_t d, int64_t pad) {
  SmallVector<TileRun> result;
  int64_t tiles = ceilDiv(outSize, tile);
  for (int64_t t = 0; t < tiles; ++t) {
    TileRun run;
    run.t0 = t;
    run.len = 1;
    run.out = std::min(tile, outSize - t * tile);
    int64_t y0 = t * tile * s - pad;
    int64_t y1 = (t * tile + run.out - 1) * s - pad + d * (k - 1) + 1;
    int64_t ys = std::max<int64_t>(0, y0), ye = std::min(inSize, y1);
    run.padLo = ys - y0;
    run.padHi = y1 - ye;
    run.in = ye - ys;
    if (!result.empty()) {
      TileRun &last = result.back();
      if (last.out == run.out && last.padLo == run.padLo &&
          last.padHi == run.padHi && last.in == run.in) {
        ++last.len;
        continue;
      }
    }
    result.push_back(run);
  }
  return result;
}

/// Builds the kernel body; one instance per kernel.
class ConvBuilder : public TileBuilder {
public:
  /// `cubeElem` is the type the cube reads (f16 for an f32 conv in mixed
  /// precision); the result, epilogue and residuals keep p.elem.
  /// `f16Copy`: also write the result's f16 copy, if the N tiles allow.
  ConvBuilder(const ConvProblem &p, Type cubeElem, bool f16Copy,
              OpBuilder &builder, Location loc)
      : TileBuilder(builder, loc), p(p), ce(cubeElem) {
    es = ce.getIntOrFloatBitWidth() / 8;
    c0 = 32 / es;
    fe = 512 / es;
    oes = p.elem.getIntOrFloatBitWidth() / 8;
    oc0 = 32 / oes;
    taps = p.kh * p.kw;
    cinG = p.cin / p.groups;
    coutG = p.cout / p.groups;
    c1in = ceilDiv(p.cin, c0);
    c1in32 = ceilDiv(p.cin, 8);
    c1out = ceilDiv(p.cout, oc0);
    // Smallest power of two of groups whose channels fill whole C0 blocks;
    // one super-group of all groups when that does not divide the groups.
    // (Output blocks of C0 = 8 in mixed precision divide the cube's 16.)
    int64_t a = c0 / std::gcd(c0, cinG), o = c0 / std::gcd(c0, coutG);
    gs = std::min(p.groups, std::lcm(a, o));
    if (p.groups % gs)
      gs = p.groups;
    numSG = p.groups / gs;
    nsg = gs * coutG;
    c1sg = numSG == 1 ? c1in : gs * cinG / c0;
    nsg1 = ceilDiv(nsg, 16);
    // Each tile column of 16 channels is then one f16 block.
    f16Out = f16Copy && p.elem.isF32() && (numSG == 1 || nsg % 16 == 0);
  }

  /// Picks the tiles with the fewest estimated cycles, which it returns;
  /// with `convert`, for a kernel converting its f32 input itself (see
  /// convertIn). Errors go to `where`, if given.
  FailureOr<double> chooseTiles(const MachineModel &machine, Operation *where,
                                bool convert = false);
  SmallVector<double> packWeights() const;
  /// How packWeights orders the weights, for the runtime weights' prelude.
  ConvWeightPacking packing() const {
    return {p.elem, p.cout, c1in, taps, nt, numNT, c1k, tpc};
  }
  /// The layout of broadcastRow's tiles, for a runtime bias's prelude.
  ConvBiasTiles biasTiles() const {
    return {p.elem, numSG, nsg, numNT, nt, mt};
  }
  CubeKernelArg workspaceArg(int64_t size) const {
    CubeKernelArg arg;
    arg.kind = CubeKernelArg::Kind::Workspace;
    arg.type = MemRefType::get(
        {size}, p.elem, MemRefLayoutAttrInterface(),
        tile::MemorySpaceAttr::get(p.elem.getContext(), MemorySpace::GM));
    return arg;
  }
  SmallVector<double> broadcastRow(ArrayRef<double> row) const;
  /// The kernel's gm arguments before its result: input, packed weights,
  /// broadcast rows, residuals.
  SmallVector<CubeKernelArg> kernelArgs(StringRef name) const;
  void emitBody(func::FuncOp func);

  const ConvProblem &p;
  Type ce;
  // Cube side (input, weights): element size, C0, fractal elements; result
  // side: element size and C0.
  int64_t es, c0, fe, oes, oc0;
  int64_t taps, cinG, coutG, c1in, c1out;
  int64_t gs, numSG, nsg, c1sg, nsg1;
  /// The kernel writes the f16 copy of its result (after the result).
  bool f16Out = false;
  /// Mixed precision without a stage kernel: each K step's input window
  /// comes from the f32 input through ub (gm -> ub as [c1k][pixels][2][8],
  /// vconv, ub -> L1). Whole rows only.
  bool convertIn = false;
  /// f32 channel blocks of the input (convertIn).
  int64_t c1in32 = 0;
  // Chosen tiles: output rows per tile, output columns per tile (OW unless
  // a row is split, then r = 1), N tile fractals, channel groups and taps
  // per K step.
  int64_t r = 0, wc = 0, nt1 = 0, c1k = 0, tpc = 0, blocks = 1;
  // Derived from them.
  int64_t nt = 0, numNT = 0, lastNtReal = 0, kc = 0, numTc = 0, numC1c = 0;
  int64_t mt = 0, hwMax = 0, wwMax = 0;
  SmallVector<TileRun> runs, cruns;

private:
  void derive();
  SmallVector<TileRun> rowRuns(int64_t rows) const;
  SmallVector<TileRun> colRuns(int64_t cols) const;
  /// Splits the first dimension of `v` into (d0 / inner, inner).
  Value splitFirst(Value v, int64_t inner) {
    auto t = cast<MemRefType>(v.getType());
    SmallVector<int64_t> shape = {t.getDimSize(0) / inner, inner};
    SmallVector<ReassociationIndices> groups = {{0, 1}};
    for (int64_t i = 1; i < t.getRank(); ++i) {
      shape.push_back(t.getDimSize(i));
      groups.push_back({i + 1});
    }
    return memref::ExpandShapeOp::create(b, loc, shape, v, groups);
  }

  /// A chain of tiny dependent ops through every pipe between two classes
  /// of units. Each class is a loop a block may skip, so nothing inside it
  /// orders the pipes; after the chain, every pipe has heard of every other
  /// pipe's last flag wait, and sync insertion can reuse event ids.
  void emitFence();
  struct {
    Value l1a, l1b, l0a, l0b, l0c, ub;
  } fence;
  /// Unit (image n, super-group sg, N tile nti, row tile t of `run`, column
  /// tile col of `crun`).
  void emitUnit(const TileRun &run, const TileRun &crun, int64_t ntReal,
                Value n, Value sg, Value nti, Value t, Value col);
  /// The K steps of channel chunk `c1c`, whose index modulo 2 is `parity`
  /// (the first chunk, which initializes L0C, passes 0 too).
  void emitC1Chunk(const TileRun &run, const TileRun &crun, Value n, Value sg,
                   Value nti, Value t, Value col, Value c1c,
                   int64_t chunkParity);
  /// convertIn: fills the L1 `window` of f16 blocks [xRow, xRow + c1k)
  /// (chunk `c1c`), input rows from `ys`, from the f32 input.
  void convertWindow(const TileRun &run, Value n, Value xRow, Value ys,
                     Value c1c, Value window);
  Value emitEpilogue(int64_t mPad);
  /// Moves the first `nb` C0-channel blocks of a ub tile ([nt/16][mt][16])
  /// from or to a gm [N * C1][OH * OW][C0] view, rows [row0, row0 + nb),
  /// pixels [p0, p0 + m).
  void transferBlocks(Value gm3, Value ubTile, Value row0, Value p0, int64_t m,
                      int64_t nb, bool toGm);

  // Arguments and buffers.
  Value xView, wGm, outView, blockIdx;
  /// The f16 copy as [N * ceil(Cout / 16)][OH * OW][16] and its ub tile.
  Value f16View, f16Tile;
  /// convertIn: the f32 input as [N * C1][H * W][8] and the window in ub as
  /// f32 and f16.
  Value x32View, wideWindow, narrowWindow;
  SmallVector<Value> rowGms, resViews, rowTiles, resTiles;
  /// K-step buffers, double buffered: step s uses set s % 2, so the next
  /// step's copies and loads overlap this step's mmad.
  struct StepBuffers {
    Value l1win, l1b, l0a, l0b;
  } sets[2];
  Value l0c, cub, eub;
  SmallVector<Value, 2> scratch;
};
} // namespace

SmallVector<TileRun> ConvBuilder::rowRuns(int64_t rows) const {
  return tileRuns(p.oh, rows, p.h, p.kh, p.sh, p.dh, p.pt);
}

SmallVector<TileRun> ConvBuilder::colRuns(int64_t cols) const {
  // Whole rows keep the conv's own horizontal pads and the whole width.
  if (cols >= p.ow) {
    TileRun whole;
    whole.len = 1;
    whole.out = p.ow;
    whole.padLo = p.pl;
    whole.padHi = p.pr;
    whole.in = p.w;
    return {whole};
  }
  return tileRuns(p.ow, cols, p.w, p.kw, p.sw, p.dw, p.pl);
}

void ConvBuilder::derive() {
  nt = nt1 * 16;
  numNT = nsg1 / nt1;
  lastNtReal = nsg - (numNT - 1) * nt;
  kc = c1k * tpc;
  numTc = taps / tpc;
  numC1c = c1sg / c1k;
  mt = roundUp(std::min(r, p.oh) * std::min(wc, p.ow), 16);
  runs = rowRuns(r);
  cruns = colRuns(wc);
  hwMax = maxWindow(runs);
  wwMax = maxWindow(cruns);
}

FailureOr<double> ConvBuilder::chooseTiles(const MachineModel &machine,
                                           Operation *where, bool convert) {
  auto fail = [&](const Twine &what) -> FailureOr<double> {
    if (!where)
      return failure();
    return where->emitError() << "cannot lower nn.conv to the cube: " << what;
  };
  // Less what the fence between unit classes needs (see emitFence).
  int64_t l1Size = machine.getBuffer(MemorySpace::L1).size - 2 * 512;
  int64_t l0aSize = machine.getBuffer(MemorySpace::L0A).size - 512;
  int64_t l0bSize = machine.getBuffer(MemorySpace::L0B).size - 512;
  int64_t l0cSize = machine.getBuffer(MemorySpace::L0C).size - 1024;
  int64_t ubSize = machine.getBuffer(MemorySpace::UB).size - 256 * oes;
  int64_t ubTiles = 1 + (p.epilogue.empty() && p.rows.empty() ? 0 : 1) +
                    (int64_t)p.rows.size() + (int64_t)p.residuals.size() +
                    p.scratchCount;
  auto bandwidth = [&](MemorySpace s, MemorySpace d) {
    const DataPathSpec *path = machine.findPath(s, d);
    return path ? path->bytesPerCycle : 1.0;
  };
  auto setup = [&](MemorySpace s, MemorySpace d) {
    const DataPathSpec *path = machine.findPath(s, d);
    return path ? (double)path->setupCycles : 0.0;
  };
  double cubeCycles = es == 4 ? machine.cube.f32CyclesPerFractal
                              : machine.cube.f16CyclesPerFractal;
  double l1ToL0 = bandwidth(MemorySpace::L1, MemorySpace::L0A);
  double l0cToUb = bandwidth(MemorySpace::L0C, MemorySpace::UB);
  double gmSetup = setup(MemorySpace::GM, MemorySpace::L1);
  double ubToL1 = bandwidth(MemorySpace::UB, MemorySpace::L1);
  double ubToL1Setup = setup(MemorySpace::UB, MemorySpace::L1);

  auto divisors = [](int64_t v) {
    SmallVector<int64_t> d;
    for (int64_t i = 1; i <= v; ++i)
      if (v % i == 0)
        d.push_back(i);
    return d;
  };
  // Which buffer the smallest tiles overflow, for the error: the first
  // failure, as every search goes from small tiles to large.
  std::string overflow;
  auto overflows = [&](StringRef what) {
    if (overflow.empty())
      overflow = what.str();
  };
  double best = std::numeric_limits<double>::infinity();
  struct Choice {
    int64_t r, wc, nt1, c1k, tpc;
  } chosen{0, 0, 0, 0, 0};
  // Tiles of `rows` output rows of `cols` output columns each (cols < OW
  // only with rows = 1): try every N tile, channel chunk and tap chunk.
  auto consider = [&](int64_t rows, int64_t cols) {
    int64_t mPad = roundUp(rows * cols, 16), m1 = mPad / 16;
    SmallVector<TileRun> rr = rowRuns(rows), cr = colRuns(cols);
    // Every class is a loop whose trip count depends on the block; the
    // fence between classes lets sync insertion reuse event ids, so wide
    // rows (3 x 3 classes for a 3x3 pad-1 conv) need no bound. Whole rows
    // keep one class per event id, the bound their measured choices were
    // made under.
    if (cols == p.ow && rr.size() > machine.eventIds) {
      overflows("the event ids (too many row-tile variants)");
      return;
    }
    int64_t hw = maxWindow(rr), ww = maxWindow(cr);
    int64_t tiles = ceilDiv(p.oh, rows) * ceilDiv(p.ow, cols);
    for (int64_t n1 : divisors(nsg1)) {
      int64_t ntCols = n1 * 16;
      // A partial last N tile would be one more variant of every run.
      if (n1 != nsg1 && nsg % ntCols)
        continue;
      if (mPad * ntCols * 4 > l0cSize) {
        overflows("L0C");
        continue;
      }
      if (mPad * ntCols * (ubTiles * oes + (f16Out ? 2 : 0)) > ubSize) {
        overflows("UB");
        continue;
      }
      int64_t units = p.n * numSG * (nsg1 / n1) * tiles;
      int64_t blk = std::min<int64_t>(machine.cores, units);
      double gmBw = std::min(bandwidth(MemorySpace::GM, MemorySpace::L1),
                             machine.hbmBytesPerCycle / blk);
      for (int64_t ck : divisors(c1sg)) {
        for (int64_t tp : divisors(taps)) {
          if (tp < taps && ck > 1)
            continue;
          int64_t k = ck * tp;
          // Two buffer sets (double buffering).
          if (2 * m1 * k * 512 > l0aSize) {
            overflows("L0A");
            continue;
          }
          if (2 * k * n1 * 512 > l0bSize) {
            overflows("L0B");
            continue;
          }
          int64_t windowBytes = ck * hw * ww * 32;
          // Converting: the window as f32 and f16 in ub (6 bytes per
          // value), and an odd last f32 block only in a static chunk (the
          // first, or the last of an even count; see emitUnit). Split rows
          // are left to a stage kernel.
          int64_t chunks = c1sg / ck;
          if (convert && (cols != p.ow ||
                          mPad * ntCols * (ubTiles * oes + (f16Out ? 2 : 0)) +
                                  3 * windowBytes >
                              ubSize ||
                          (c1in32 % 2 && chunks > 1 && chunks % 2))) {
            overflows("UB");
            continue;
          }
          if (2 * (windowBytes + k * n1 * 512) > l1Size) {
            overflows("L1");
            continue;
          }
          if (hw * ww > 65535 || m1 > 4095 || k > 4095) {
            overflows("L1 (the input window exceeds one copy)");
            continue;
          }
          // Per K step, double buffered: the next step's copies and loads
          // overlap this step's mmad, so a step costs the slower of the two
          // plus its flags; the first step's moves and the epilogue (l0c ->
          // ub, tiles from and to gm) are exposed.
          int64_t steps = (c1sg / ck) * (taps / tp);
          double cube = m1 * k * n1 * cubeCycles;
          // A converted window reads twice the bytes, then vconv (64 f32
          // values per repeat) and ub -> L1.
          double window = convert
                              ? 2.0 * windowBytes / gmBw + windowBytes / 128.0 +
                                    machine.vector.latency +
                                    windowBytes / ubToL1 + ubToL1Setup
                              : (double)windowBytes / gmBw;
          double moves = (k * n1 * 512 / gmBw + window / (taps / tp)) +
                         gmSetup + (m1 * k + k * n1) * 512 / l1ToL0;
          double unit = moves + steps * (std::max(cube, moves) + 8) +
                        machine.cube.latency + n1 * m1 * 1024 / l0cToUb +
                        (1 + p.residuals.size() +
                         (numSG * nsg1 / n1 > 1 ? p.rows.size() : 0) +
                         (f16Out ? 0.5 : 0.0)) *
                            (mPad * ntCols * oes / gmBw) +
                        2 * gmSetup;
          double total = ceilDiv(units, blk) * unit;
          if (total < best) {
            best = total;
            chosen = {rows, cols, n1, ck, tp};
          }
        }
      }
    }
  };
  for (int64_t rows = 1; rows <= p.oh; ++rows) {
    // Tiles of more rows than needed to fill L0A's rows gain nothing.
    if (rows > 1 && roundUp((rows - 1) * p.ow, 16) / 16 * 512 > l0aSize)
      break;
    consider(rows, p.ow);
  }
  // Rows too wide for the buffers: tiles of whole fractals of one row's
  // pixels, each with the input columns it reads (the halo of a kernel
  // wider than one tap included).
  bool splitRows = !chosen.r && p.ow > 16;
  if (splitRows)
    overflow.clear();
  for (int64_t cols = 16; splitRows && cols < p.ow; cols += 16) {
    if (cols > 16 && (cols - 16) / 16 * 512 > l0aSize)
      break;
    consider(1, cols);
  }
  if (!chosen.r)
    return fail(
        "no tiling fits " +
        (overflow.empty() ? std::string("the buffers") : overflow) + " (even " +
        (splitRows ? "16 output pixels of a row" : "one row of output pixels") +
        ", 16 output channels and one kernel tap overflow it)");
  r = chosen.r;
  wc = chosen.wc;
  nt1 = chosen.nt1;
  c1k = chosen.c1k;
  tpc = chosen.tpc;
  convertIn = convert;
  derive();
  for (const TileRun &run : llvm::concat<const TileRun>(runs, cruns))
    if (run.in < 1)
      return fail("a tile's input window lies entirely in the padding");
  int64_t units = p.n * numSG * numNT * ceilDiv(p.oh, r) * ceilDiv(p.ow, wc);
  blocks = std::max<int64_t>(1, std::min<int64_t>(machine.cores, units));
  return best;
}

SmallVector<double> ConvBuilder::packWeights() const {
  // [sg][nti][c1 chunk][tap chunk][kf < kc][j1 < nt1][16][c0]: each K step
  // of an N tile is one contiguous run in exact L0B (ZN) order.
  int64_t stepSize = kc * nt1 * fe;
  SmallVector<double> packed(numSG * numNT * numC1c * numTc * stepSize, 0.0);
  for (int64_t sg = 0; sg < numSG; ++sg)
    for (int64_t nti = 0; nti < numNT; ++nti)
      for (int64_t col = 0; col < nt; ++col) {
        int64_t local = nti * nt + col;
        if (local >= nsg)
          continue;
        int64_t co = sg * nsg + local, g = co / coutG;
        for (int64_t c1 = 0; c1 < c1sg; ++c1)
          for (int64_t cc = 0; cc < c0; ++cc) {
            int64_t ci = (numSG == 1 ? 0 : sg * gs * cinG) + c1 * c0 + cc;
            int64_t ciG = ci - g * cinG;
            if (ci >= p.cin || ciG < 0 || ciG >= cinG)
              continue;
            for (int64_t tap = 0; tap < taps; ++tap) {
              int64_t step = (c1 / c1k) * numTc + tap / tpc;
              int64_t kf = (c1 % c1k) * tpc + tap % tpc;
              int64_t at =
                  ((sg * numNT + nti) * numC1c * numTc + step) * stepSize +
                  ((kf * nt1 + col / 16) * 16 + col % 16) * c0 + cc;
              packed[at] = p.weight[(co * cinG + ciG) * taps + tap];
            }
          }
      }
  return packed;
}

SmallVector<double> ConvBuilder::broadcastRow(ArrayRef<double> row) const {
  // One [nt1][mt][16] tile per (super-group, N tile); padding channels 0.
  int64_t tileSize = nt1 * mt * 16;
  SmallVector<double> tiles(numSG * numNT * tileSize, 0.0);
  for (int64_t sg = 0; sg < numSG; ++sg)
    for (int64_t nti = 0; nti < numNT; ++nti)
      for (int64_t col = 0; col < nt && nti * nt + col < nsg; ++col) {
        double v = row[sg * nsg + nti * nt + col];
        for (int64_t i = 0; i < mt; ++i)
          tiles[(sg * numNT + nti) * tileSize + ((col / 16) * mt + i) * 16 +
                col % 16] = v;
      }
  return tiles;
}

void ConvBuilder::emitBody(func::FuncOp func) {
  Block *entry = &func.getBody().front();
  b.setInsertionPointToStart(entry);
  unsigned arg = 0;
  Value xGm = entry->getArgument(arg++);
  wGm = entry->getArgument(arg++);
  for (unsigned i = 0; i < p.rows.size(); ++i)
    rowGms.push_back(entry->getArgument(arg++));
  int64_t pixels = p.oh * p.ow;
  for (unsigned i = 0; i < p.residuals.size(); ++i)
    resViews.push_back(
        view(entry->getArgument(arg++), {p.n * c1out, pixels, oc0}));
  Value outGm = entry->getArgument(arg++);
  Type f32 = b.getF32Type();
  if (f16Out) {
    f16View = view(entry->getArgument(arg++),
                   {p.n * ceilDiv(p.cout, 16), pixels, 16});
    f16Tile = alloc(nt1 * mt * 16, b.getF16Type(), MemorySpace::UB);
  }

  blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  if (convertIn) {
    x32View = view(xGm, {p.n * c1in32, p.h * p.w, 8});
    wideWindow = alloc(c1k * hwMax * p.w * 16, f32, MemorySpace::UB);
    narrowWindow = alloc(c1k * hwMax * p.w * 16, ce, MemorySpace::UB);
  } else {
    xView = view(xGm, {p.n * c1in, p.h, p.w, c0});
  }
  outView = view(outGm, {p.n * c1out, pixels, oc0});

  int64_t m1 = mt / 16;
  for (StepBuffers &set : sets) {
    set.l1win = alloc(c1k * hwMax * wwMax * c0, ce, MemorySpace::L1);
    set.l1b = alloc(kc * nt1 * fe, ce, MemorySpace::L1);
    set.l0a = alloc(m1 * kc * fe, ce, MemorySpace::L0A);
    set.l0b = alloc(kc * nt1 * fe, ce, MemorySpace::L0B);
  }
  l0c = alloc(mt * nt, f32, MemorySpace::L0C);
  cub = alloc(mt * nt, p.elem, MemorySpace::UB);
  if (!p.epilogue.empty() || !p.rows.empty())
    eub = alloc(mt * nt, p.elem, MemorySpace::UB);
  int64_t tileSize = nt1 * mt * 16;
  bool hoistRows = numSG * numNT == 1;
  for (Value rowGm : rowGms) {
    Value tile = alloc(tileSize, p.elem, MemorySpace::UB);
    if (hoistRows)
      copy(rowGm, tile);
    rowTiles.push_back(tile);
  }
  // Residual tiles are read as whole fractals but written only for the
  // tile's pixels and blocks: zero them once so nothing reads
  // never-written bytes.
  for (unsigned i = 0; i < p.residuals.size(); ++i) {
    Value tile = alloc(tileSize, p.elem, MemorySpace::UB);
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), tile);
    resTiles.push_back(tile);
  }
  for (unsigned i = 0; i < p.scratchCount; ++i)
    scratch.push_back(alloc(tileSize, p.elem, MemorySpace::UB));

  // Classes of uniform units: (row run) x (column run) x (full N tiles, last
  // N tile). Each class is dealt round robin starting after the previous
  // class's last block, so edge variants land on different blocks.
  int64_t dealt = 0;
  bool lastPartial = lastNtReal != nt;
  bool firstClass = true;
  SmallVector<std::pair<TileRun, TileRun>> variants;
  for (const TileRun &run : runs)
    for (const TileRun &crun : cruns)
      variants.push_back({run, crun});
  for (auto [run, crun] : variants) {
    for (int kind = 0; kind < 2; ++kind) {
      int64_t ntCount = kind == 0 ? numNT - lastPartial : lastPartial;
      if (ntCount == 0)
        continue;
      int64_t ntReal = kind == 0 ? nt : lastNtReal;
      int64_t units = p.n * numSG * ntCount * run.len * crun.len;
      if (!firstClass)
        emitFence();
      firstClass = false;
      int64_t start = dealt % blocks;
      dealt += units;
      // A one-trip loop scopes the class's scalar registers (the isa
      // emission frees registers defined in a loop when it ends).
      loop(idx(1), [&](Value) {
        // The block's position counted from `start`: (b - start) mod B.
        Value rotated = start == 0
                            ? blockIdx
                            : rem(add(blockIdx, idx(blocks - start)), blocks);
        Value count = buildDealtTileCount(b, loc, rotated, units, blocks);
        loop(count, [&](Value j) {
          Value u = add(mul(j, blocks), rotated);
          Value t = add(rem(u, run.len), run.t0);
          Value rest = div(u, run.len);
          Value col = add(rem(rest, crun.len), crun.t0);
          rest = div(rest, crun.len);
          Value nti = kind == 0 ? rem(rest, ntCount) : idx(numNT - 1);
          rest = div(rest, ntCount);
          Value sg = rem(rest, numSG);
          Value n = div(rest, numSG);
          emitUnit(run, crun, ntReal, n, sg, nti, t, col);
        });
      });
    }
  }
  func::ReturnOp::create(b, loc);
}

void ConvBuilder::emitFence() {
  int64_t c0Cols = c0;
  if (!fence.l1a) {
    fence.l1a = alloc(fe, ce, MemorySpace::L1);
    fence.l1b = alloc(512 / oes, p.elem, MemorySpace::L1);
    fence.l0a = alloc(fe, ce, MemorySpace::L0A);
    fence.l0b = alloc(fe, ce, MemorySpace::L0B);
    fence.l0c = alloc(256, b.getF32Type(), MemorySpace::L0C);
    fence.ub = alloc(256, p.elem, MemorySpace::UB);
  }
  Value zero = idx(0);
  auto cube = [&](Value l1) {
    copy(l1, fence.l0a);
    copy(l1, fence.l0b);
    tile::MmadOp::create(b, loc, view(fence.l0a, {16, c0Cols}),
                         view(fence.l0b, {c0Cols, 16}),
                         view(fence.l0c, {16, 16}));
    copy(view(fence.l0c, {1, 256}), view(fence.ub, {1, 256}));
  };
  // MTE2 -> MTE1 -> M -> V -> MTE3, the direction of the kernel's data
  // flow. The flags a class's loops carry across units are the reverse
  // (write-after-read: the next unit's copy or load waits for this unit's
  // reader), set on the reader's pipe and waited on by the writer's, so the
  // setter must hear of a pipe that comes before it in this chain.
  copy(sub(wGm, {zero}, {fe}), fence.l1a);
  cube(fence.l1a);
  copy(sub(fence.ub, {zero}, {512 / oes}), fence.l1b);
}

void ConvBuilder::emitUnit(const TileRun &run, const TileRun &crun,
                           int64_t ntReal, Value n, Value sg, Value nti,
                           Value t, Value col) {
  // A tile is whole rows or (r = 1) a piece of one row: its pixels are
  // consecutive in the output either way.
  int64_t mReal = run.out * crun.out, mPad = roundUp(mReal, 16);
  // Each phase is a one-trip loop so that its address registers are freed
  // at its end (the isa emission has only 32 scalar registers).
  auto phase = [&](auto body) { loop(idx(1), [&](Value) { body(); }); };
  // Chunk c's steps use buffer sets (c * numTc + tc) % 2: the loop body
  // holds two chunks so that every set is static.
  phase([&] { emitC1Chunk(run, crun, n, sg, nti, t, col, idx(0), 0); });
  int64_t rest = numC1c - 1;
  if (rest >= 2)
    loop(idx(rest / 2), [&](Value c) {
      Value chunk = add(mul(c, 2), 1);
      emitC1Chunk(run, crun, n, sg, nti, t, col, chunk, 1);
      emitC1Chunk(run, crun, n, sg, nti, t, col, add(chunk, 1), 2);
    });
  if (rest % 2)
    phase([&] {
      emitC1Chunk(run, crun, n, sg, nti, t, col, idx(numC1c - 1), 1);
    });

  phase([&] {
    // L0C holds [nt1][mPad][16]; ub keeps the row stride mt of a full tile
    // so that the broadcast rows line up for every variant.
    copy(view(l0c, {nt1, mPad * 16}),
         view(cub, {nt1, mPad * 16}, {mt * 16, 1}));
    int64_t tileSize = nt1 * mt * 16;
    if (numSG * numNT > 1) {
      Value tileIdx = add(mul(sg, numNT), nti);
      for (auto [rowGm, tile] : llvm::zip(rowGms, rowTiles))
        copy(sub(rowGm, {mul(tileIdx, tileSize)}, {tileSize}), tile);
    }
    int64_t nb = ceilDiv(ntReal, oc0);
    Value blockRow =
        add(mul(n, c1out),
            add(mul(sg, std::max<int64_t>(1, nsg / oc0)), mul(nti, nt / oc0)));
    Value p0 = add(mul(t, r * p.ow), mul(col, wc));
    for (auto [view3, tile] : llvm::zip(resViews, resTiles))
      transferBlocks(view3, tile, blockRow, p0, mReal, nb, /*toGm=*/false);
    Value result = emitEpilogue(mPad);
    // The conversion first: it overlaps the f32 result's copy to gm.
    if (f16Out)
      for (auto r : fractalRegions(nt1, mt, mPad))
        tile::VConvOp::create(b, loc, region(result, r), region(f16Tile, r));
    transferBlocks(outView, result, blockRow, p0, mReal, nb, /*toGm=*/true);
    if (f16Out) {
      // Fractal column j1 holds channels [16 j1, 16 j1 + 16) of the tile:
      // f16 block (sg * nsg + nti * nt) / 16 + j1, padding channels zero.
      int64_t nb16 = ceilDiv(ntReal, 16);
      Value row16 = add(mul(n, ceilDiv(p.cout, 16)),
                        add(mul(sg, nsg / 16), mul(nti, nt1)));
      Value zero = idx(0);
      copy(sub(view(f16Tile, {nt1, mt, 16}), {zero, zero, zero},
               {nb16, mReal, 16}),
           sub(f16View, {row16, p0, zero}, {nb16, mReal, 16}));
    }
  });
}

void ConvBuilder::emitC1Chunk(const TileRun &run, const TileRun &crun, Value n,
                              Value sg, Value nti, Value t, Value col,
                              Value c1c, int64_t chunkParity) {
  bool first = chunkParity == 0 && getConstantIntValue(c1c) == 0;
  int64_t mPad = roundUp(run.out * crun.out, 16);
  Value zero = idx(0);
  // First input row and column of the window; the runs' leading padding
  // makes them exact at the top and left edges.
  Value ys = add(mul(t, r * p.sh), run.padLo - p.pt);
  Value xs = add(mul(col, wc * p.sw), crun.padLo - p.pl);
  Value xRow = add(add(mul(n, c1in), mul(sg, c1sg)), mul(c1c, c1k));
  // All taps of the chunk read one window: the set of its first step.
  const StepBuffers &chunkSet = sets[(chunkParity % 2) * numTc % 2];
  Value window = view(chunkSet.l1win, {c1k, run.in, crun.in, c0});
  if (convertIn)
    convertWindow(run, n, xRow, ys, c1c, window);
  else
    copy(sub(xView, {xRow, ys, xs, zero}, {c1k, run.in, crun.in, c0}), window);
  int64_t stepSize = kc * nt1 * fe;
  // Steps of this N tile are numC1c * numTc consecutive runs.
  Value firstStep =
      add(mul(add(mul(sg, numNT), nti), numC1c * numTc), mul(c1c, numTc));
  for (int64_t tc = 0; tc < numTc; ++tc) {
    const StepBuffers &set = sets[((chunkParity % 2) * numTc + tc) % 2];
    copy(sub(wGm, {mul(add(firstStep, tc), stepSize)}, {stepSize}),
         sub(set.l1b, {zero}, {stepSize}));
    copy(sub(set.l1b, {zero}, {stepSize}), sub(set.l0b, {zero}, {stepSize}));
    Value a = view(set.l0a, {mPad, kc * c0});
    tile::Img2ColOp::create(
        b, loc, window, a, b.getDenseI64ArrayAttr({p.kh, p.kw}),
        b.getDenseI64ArrayAttr({p.sh, p.sw}),
        b.getDenseI64ArrayAttr({run.padLo, run.padHi, crun.padLo, crun.padHi}),
        b.getDenseI64ArrayAttr({p.dh, p.dw}), b.getI64IntegerAttr(0),
        b.getI64IntegerAttr(numTc > 1 ? tc * tpc : 0));
    auto mmad = tile::MmadOp::create(b, loc, a, view(set.l0b, {kc * c0, nt}),
                                     view(l0c, {mPad, nt}));
    if (!first || tc > 0)
      mmad.setAccumulate(true);
  }
}

void ConvBuilder::convertWindow(const TileRun &run, Value n, Value xRow,
                                Value ys, Value c1c, Value window) {
  Value zero = idx(0);
  int64_t pixels = run.in * p.w, size = c1k * pixels * 16;
  Value wide = sub(wideWindow, {zero}, {size});
  Value narrow = sub(narrowWindow, {zero}, {size});
  // ub [c1k][pixels][2][8] seen as [c1k][2][pixels][8]: f32 block 2 i + h
  // of the chunk goes to half h of f16 block i.
  Value halves = permute(view(wide, {c1k, pixels, 2, 8}), {0, 2, 1, 3});
  // f16 block xRow of image n is f32 block 2 (xRow - n C1) of it.
  Value row32 = add(mul(n, c1in32 - 2 * c1in), mul(xRow, 2));
  Value p0 = mul(ys, p.w);
  // An odd number of f32 blocks leaves the last f16 block's upper half to
  // zeros (chooseTiles keeps that chunk static).
  std::optional<int64_t> chunk = getConstantIntValue(c1c);
  int64_t pairs = c1k;
  if (c1in32 % 2 && chunk && *chunk == numC1c - 1) {
    pairs = c1k - 1;
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), wide);
    copy(
        splitFirst(
            sub(x32View, {add(row32, 2 * pairs), p0, zero}, {1, pixels, 8}), 1),
        sub(halves, {idx(pairs), zero, zero, zero}, {1, 1, pixels, 8}));
  }
  if (pairs > 0)
    copy(splitFirst(sub(x32View, {row32, p0, zero}, {2 * pairs, pixels, 8}), 2),
         sub(halves, {zero, zero, zero, zero}, {pairs, 2, pixels, 8}));
  tile::VConvOp::create(b, loc, wide, narrow);
  copy(view(narrow, {c1k, run.in, p.w, 16}), window);
}

Value ConvBuilder::emitEpilogue(int64_t mPad) {
  auto regions = fractalRegions(nt1, mt, mPad);
  Value cur = cub, other = eub;
  auto rowOp = [&](Value rowTile, bool multiply) {
    for (auto r : regions) {
      if (multiply)
        tile::VMulOp::create(b, loc, region(cur, r), region(rowTile, r),
                             region(other, r));
      else
        tile::VAddOp::create(b, loc, region(cur, r), region(rowTile, r),
                             region(other, r));
    }
    std::swap(cur, other);
  };
  if (p.hasBias)
    rowOp(rowTiles[0], /*multiply=*/false);
  cur = emitChain(
      p.epilogue, regions, cur, other, scratch,
      [&](Operation *op, unsigned i,
          std::pair<int64_t, int64_t> r) -> std::optional<Operand> {
        auto row = p.rowOperands.find({op, i});
        auto res = p.residualOperands.find({op, i});
        auto arg = dyn_cast<BlockArgument>(op->getOperand(i));
        if (row != p.rowOperands.end())
          return Operand{region(rowTiles[row->second], r), std::nullopt};
        if (res != p.residualOperands.end())
          return Operand{region(resTiles[res->second], r), std::nullopt};
        if (arg && p.scalars[arg.getArgNumber()])
          return Operand{Value(), p.scalars[arg.getArgNumber()]};
        return std::nullopt;
      });
  other = cur == cub ? eub : cub;
  if (p.hasMask)
    rowOp(rowTiles.back(), /*multiply=*/true);
  return cur;
}

void ConvBuilder::transferBlocks(Value gm3, Value ubTile, Value row0, Value p0,
                                 int64_t m, int64_t nb, bool toGm) {
  Value zero = idx(0);
  auto move = [&](Value ub, Value gm) {
    if (toGm)
      copy(ub, gm);
    else
      copy(gm, ub);
  };
  if (oc0 == 16) {
    // One C0 block per fractal column.
    Value ub =
        sub(view(ubTile, {nt1, mt, 16}), {zero, zero, zero}, {nb, m, 16});
    move(ub, sub(gm3, {row0, p0, zero}, {nb, m, 16}));
    return;
  }
  // f32: a fractal column of 16 channels is two C0 blocks of 8; view ub as
  // [nt1][2][mt][8].
  Value split = permute(view(ubTile, {nt1, mt, 2, 8}), {0, 2, 1, 3});
  int64_t pairs = nb / 2;
  if (pairs > 0)
    move(sub(split, {zero, zero, zero, zero}, {pairs, 2, m, 8}),
         splitFirst(sub(gm3, {row0, p0, zero}, {2 * pairs, m, 8}), 2));
  if (nb % 2)
    move(sub(split, {idx(pairs), zero, zero, zero}, {1, 1, m, 8}),
         splitFirst(sub(gm3, {add(row0, 2 * pairs), p0, zero}, {1, m, 8}), 1));
}

SmallVector<CubeKernelArg> ConvBuilder::kernelArgs(StringRef name) const {
  SmallVector<CubeKernelArg> args(1);
  args[0].input = p.xInput;
  args[0].type = getGmType(p.inputType);
  if (ce != p.elem && !convertIn) {
    // Mixed precision: the cube reads the f16 copy of the input that the
    // stage kernel (ConvInputStage.h) writes.
    args[0].kind = CubeKernelArg::Kind::Workspace;
    args[0].type = getConvInputStageType(args[0].type);
  }
  if (p.wInput) {
    args.push_back(workspaceArg(packing().size()));
  } else {
    args.push_back(
        makeConstantArg(packWeights(), ce, (name + "_weights_zn").str()));
  }
  for (auto [i, row] : llvm::enumerate(p.rows)) {
    if (i == 0 && p.biasInput) {
      args.push_back(workspaceArg(biasTiles().size()));
      continue;
    }
    args.push_back(makeConstantArg(broadcastRow(row), p.elem,
                                   (name + "_row" + Twine(i)).str()));
  }
  for (unsigned input : p.residuals) {
    args.emplace_back();
    args.back().input = input;
    args.back().type = getGmType(p.resultType);
  }
  return args;
}

FailureOr<CubeKernel>
ascend::buildConvKernel(nn::KernelOp kernel,
                        ArrayRef<std::optional<double>> scalars,
                        const MachineModel &machine, bool mixed, bool f16Copy,
                        bool inputStaged, OpBuilder &builder) {
  FailureOr<ConvProblem> problem = analyze(kernel, scalars, f16Copy);
  if (failed(problem))
    return failure();
  Operation *conv = &kernel.getBody().front().front();
  Type cubeElem = getConvF16Input(kernel, mixed) ? Type(builder.getF16Type())
                                                 : problem->elem;
  ConvBuilder cb(*problem, cubeElem, f16Copy, builder, conv->getLoc());
  bool staged = cubeElem != problem->elem;
  if (staged && !inputStaged) {
    // Convert in the kernel when that costs less than a stage kernel plus
    // the kernel reading its copy (see docs/precision.md).
    FailureOr<double> converting = cb.chooseTiles(machine, nullptr, true);
    FailureOr<double> reading = cb.chooseTiles(machine, nullptr);
    double stage =
        planConvInputStage(getGmType(problem->inputType), machine).cycles;
    staged = failed(converting) ||
             (succeeded(reading) && *reading + stage <= *converting);
  }
  bool convert = cubeElem != problem->elem && !staged;
  if (cb.f16Out) {
    // Write the result's f16 copy when that adds less than the stage kernel
    // it saves.
    FailureOr<double> writing = cb.chooseTiles(machine, nullptr, convert);
    cb.f16Out = false;
    FailureOr<double> plain = cb.chooseTiles(machine, nullptr, convert);
    cb.f16Out = succeeded(writing) &&
                (failed(plain) ||
                 *writing - *plain <
                     planConvInputStage(getGmType(problem->resultType), machine)
                         .cycles);
  }
  if (failed(cb.chooseTiles(machine, conv, convert)))
    return failure();
  CubeKernel result;
  result.args = cb.kernelArgs(kernel.getSymName());
  if (problem->wInput) {
    // Runtime weights: packed into the workspace (argument 1) first.
    Value w = kernel.getInputs()[*problem->wInput];
    FailureOr<func::FuncOp> pack = buildConvWeightKernel(
        builder, kernel.getLoc(), (kernel.getSymName() + "_pack_w").str(),
        getGmType(w.getType()), result.args[1].type, cb.packing(), machine,
        conv);
    if (failed(pack))
      return failure();
    result.prelude.push_back({*pack, *problem->wInput, 1});
  }
  if (problem->biasInput) {
    // A runtime bias: broadcast into the first row workspace (argument 2).
    Value bias = kernel.getInputs()[*problem->biasInput];
    func::FuncOp broadcast = buildConvBiasKernel(
        builder, kernel.getLoc(), (kernel.getSymName() + "_bias").str(),
        getGmType(bias.getType()), result.args[2].type, cb.biasTiles(),
        machine);
    result.prelude.push_back({broadcast, *problem->biasInput, 2});
  }
  if (staged) {
    OpBuilder::InsertionGuard guard(builder);
    CubePrelude stage;
    stage.func = buildConvInputStage(builder, kernel.getLoc(),
                                     (kernel.getSymName() + "_stage_x").str(),
                                     getGmType(problem->inputType), machine);
    stage.input = problem->xInput;
    stage.arg = 0;
    stage.shareable = true;
    result.prelude.push_back(stage);
  }
  SmallVector<MemRefType, 2> outputs = {getGmType(problem->resultType)};
  if (cb.f16Out) {
    result.f16Copy = getConvInputStageType(outputs[0]);
    outputs.push_back(result.f16Copy);
  }
  result.func = createKernelFunc(builder, kernel.getLoc(), kernel.getSymName(),
                                 result.args, outputs, cb.blocks);
  OpBuilder::InsertionGuard guard(builder);
  cb.emitBody(result.func);
  return result;
}
